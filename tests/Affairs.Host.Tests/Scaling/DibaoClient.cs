using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Affairs.Host.Tests.Scaling;

/// <summary>A write the client saw answered with success: what it sent, under which key, and what the answer said.</summary>
internal sealed record AcknowledgedCommand(string Client, string Host, string What, string ActorId, string IdempotencyKey, string CorrelationId, string CaseId, long Revision);

/// <summary>
/// One counter clerk's client, spread over several hosts: it takes one dibao case as far as the dibao post's A and B
/// holders can (application, materials, acceptance, the means investigation, up to the supervisor's first review) and
/// opens a second one that it leaves waiting at the application for A, for the takeover timers; when it comes back,
/// through its own host again, it opens a third one and attaches a material (as B, once A is away: B then keeps the
/// step, and no takeover is due on it). Every write carries an
/// <c>Idempotency-Key</c> and an <c>X-Correlation-Id</c>; a connection failure, a 503 or a 409 sends the same write
/// again with the same key, to the next host after a failure. When the AB rules give the step to the other holder
/// (A went away), the write goes again as them, under a key of their own.
/// </summary>
internal sealed class DibaoClient(int number, string run, IReadOnlyList<HostProcess> hosts, string householdId, ConcurrentQueue<AcknowledgedCommand> acknowledged)
{
    /// <summary>Writes each client makes in its first pass: two openings, six materials on the case it takes through and one on the other, four triggers.</summary>
    public const int FirstPassWrites = 13;

    /// <summary>Writes each client makes in all: the first pass, and a third case opened with one material when it comes back.</summary>
    public const int Writes = FirstPassWrites + 2;

    private const int MaxAttempts = 300;
    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["s-dibao-a"] = "demo-dibao-a-key",
        ["s-dibao-b"] = "demo-dibao-b-key",
    };

    private static readonly string ContentHash = new('c', 64);
    private readonly string _name = $"client-{number:00}";
    private int _host = number % hosts.Count;
    private string _actor = "s-dibao-a";
    private int _step;

    /// <summary>Attempts that met a connection failure, a 503 or a 409 and were sent again.</summary>
    public int Retries { get; private set; }

    /// <summary>The case left waiting at the application for A, in the first pass.</summary>
    public string? WaitingCaseId { get; private set; }

    /// <summary>The case opened when the client came back.</summary>
    public string? LaterCaseId { get; private set; }

    /// <summary>The case taken to the first review.</summary>
    public string? CaseId { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        WaitingCaseId = await OpenWithApplicationAsync(cancellationToken);
        var caseId = await OpenAsync(cancellationToken);
        CaseId = caseId;
        foreach (var material in (string[])["application-form", "id-cards", "household-register", "income-proof"])
        {
            await AttachAsync(caseId, material, cancellationToken);
        }

        await FireAsync(caseId, "accept", new { householdSize = 3 }, cancellationToken);
        await FireAsync(caseId, "record-data-check", new { dataCheckReportNo = "HC-2026-" + number.ToString("000", CultureInfo.InvariantCulture), monthlyIncomePerPerson = 500 }, cancellationToken);
        var visited = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(-1);
        await FireAsync(caseId, "record-home-visit", new { homeVisitDate = visited.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), investigator1 = "s-dibao-a", investigator2 = "s-dibao-b" }, cancellationToken);
        foreach (var material in (string[])["data-check-report", "home-visit-record"])
        {
            await AttachAsync(caseId, material, cancellationToken);
        }

        await FireAsync(caseId, "complete-investigation", null, cancellationToken);
    }

    /// <summary>Back to the client's own host for one more case.</summary>
    public async Task ComeBackAsync(CancellationToken cancellationToken)
    {
        _host = number % hosts.Count;
        LaterCaseId = await OpenWithApplicationAsync(cancellationToken);
    }

    private async Task<string> OpenWithApplicationAsync(CancellationToken cancellationToken)
    {
        var caseId = await OpenAsync(cancellationToken);
        await AttachAsync(caseId, "application-form", cancellationToken);
        return caseId;
    }

    private async Task<string> OpenAsync(CancellationToken cancellationToken) =>
        (await SendAsync("open", "/api/cases", null, new { affairTypeId = "dibao", subjectId = householdId, channel = "counter", data = new { applicationKind = "initial" } }, cancellationToken)).CaseId;

    private Task AttachAsync(string caseId, string material, CancellationToken cancellationToken) =>
        SendAsync("material " + material, $"/api/cases/{caseId}/materials", caseId, new { materialId = material, fileName = material + ".pdf", mediaType = "application/pdf", sizeBytes = 2048, contentHash = ContentHash }, cancellationToken);

    private Task FireAsync(string caseId, string trigger, object? data, CancellationToken cancellationToken) =>
        SendAsync(trigger, $"/api/cases/{caseId}/triggers/{trigger}", caseId, new { data }, cancellationToken);

    /// <summary>Sends one write until a host acknowledges it; logs the acknowledgement.</summary>
    private async Task<AcknowledgedCommand> SendAsync(string what, string path, string? caseId, object body, CancellationToken cancellationToken)
    {
        var step = _step++;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var key = $"{run}-{_name}-{step:00}-{_actor}";
            var correlation = "proof-" + key;
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-Api-Key", Keys[_actor]);
            request.Headers.Add("Idempotency-Key", key);
            request.Headers.Add("X-Correlation-Id", correlation);
            var host = hosts[_host];
            HttpResponseMessage response;
            try
            {
                response = await host.Client.SendAsync(request, cancellationToken);
            }
            catch (Exception failure) when (failure is HttpRequestException || (failure is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The host died under the request, or is not up again yet: the same write, to the next host.
                await AgainAsync(nextHost: true, cancellationToken);
                continue;
            }

            using (response)
            {
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var answer = JsonDocument.Parse(text);
                    var ack = new AcknowledgedCommand(
                        _name, host.Name, what, _actor, key, correlation,
                        caseId ?? answer.RootElement.GetProperty("caseId").GetString()!,
                        answer.RootElement.GetProperty("revision").GetInt64());
                    acknowledged.Enqueue(ack);
                    return ack;
                }

                if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict)
                {
                    await AgainAsync(nextHost: response.StatusCode == HttpStatusCode.ServiceUnavailable, cancellationToken);
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.Forbidden && OtherHolder(text) is { } other)
                {
                    // The step moved to the other holder of the post (A is away): the same write, as them.
                    _actor = other;
                    continue;
                }

                throw new InvalidOperationException($"{_name}: {what} on {host.Name} (key {key}) answered {(int)response.StatusCode}: {text}");
            }
        }

        throw new InvalidOperationException($"{_name}: {what} was not acknowledged after {MaxAttempts} attempts");
    }

    private async Task AgainAsync(bool nextHost, CancellationToken cancellationToken)
    {
        Retries++;
        if (nextHost)
        {
            _host = (_host + 1) % hosts.Count;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
    }

    /// <summary>The other holder of the dibao post, when a refusal names them as responsible now.</summary>
    private string? OtherHolder(string problem)
    {
        using var json = JsonDocument.Parse(problem);
        return json.RootElement.TryGetProperty("code", out var code) && code.GetString() == "case.not-responsible"
            && json.RootElement.TryGetProperty("responsible", out var responsible) && responsible.GetString() is { } staff
            && staff != _actor && Keys.ContainsKey(staff)
                ? staff
                : null;
    }
}
