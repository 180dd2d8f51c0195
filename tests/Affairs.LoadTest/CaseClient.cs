using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Affairs.LoadTest;

/// <summary>
/// One client of a host (<paramref name="host"/>), taking dibao cases one after another through the documented routes:
/// <c>POST /api/cases</c>, then <c>POST /api/cases/{id}/triggers/{trigger}</c> with <c>If-Match</c> set to the revision
/// of the previous answer.
/// </summary>
internal sealed class CaseClient(HttpClient http, LoadOptions options, Uri host, Latencies latencies, LoadClock clock)
{
    private static readonly string Hash = new('a', 64);

    /// <summary>Runs cases until the clock says stop; returns how many reached the scenario's end.</summary>
    public async Task<int> RunAsync()
    {
        var finished = 0;
        while (clock.MayStart())
        {
            if (await RunCaseAsync())
            {
                finished++;
            }
        }

        return finished;
    }

    private async Task<bool> RunCaseAsync()
    {
        var opened = await SendAsync("open", HttpMethod.Post, "/api/cases", options.ApiKey, null, new JsonObject
        {
            ["affairTypeId"] = "dibao",
            ["subjectId"] = options.Subject,
            ["channel"] = "counter",
            ["data"] = new JsonObject { ["applicationKind"] = "initial" },
        });
        if (opened is not { } open || CaseId(open.Body) is not { } caseId)
        {
            return false;
        }

        var revision = open.Revision;
        foreach (var step in Steps(caseId))
        {
            if (!clock.MayStart())
            {
                return false;
            }

            var answer = await step(revision);
            if (answer is null)
            {
                return false;
            }

            revision = answer.Value.Revision;
        }

        return true;
    }

    private IEnumerable<Func<long?, Task<(JsonNode? Body, long? Revision)?>>> Steps(string caseId)
    {
        if (options.Scenario == "supplement")
        {
            yield return r => Trigger(caseId, "request-supplement", r, options.ApiKey, "the income proof is missing", new JsonObject { ["missingItems"] = new JsonArray("income-proof") });
            yield return r => Trigger(caseId, "supplement", r, options.ApiKey, null, null);
            yield return r => Trigger(caseId, "not-accept", r, options.ApiKey, "the household's income is above the line", null);
            yield break;
        }

        foreach (var material in new[] { "application-form", "id-cards", "household-register", "income-proof" })
        {
            yield return _ => Attach(caseId, material);
        }

        yield return r => Trigger(caseId, "accept", r, options.ApiKey, null, new JsonObject { ["householdSize"] = 3 });
        yield return r => Trigger(caseId, "record-data-check", r, options.ApiKey, null, new JsonObject { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = 500 });
        yield return r => Trigger(caseId, "record-home-visit", r, options.ApiKey, null, new JsonObject
        {
            ["homeVisitDate"] = DateOnly.FromDateTime(DateTime.Today).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["investigator1"] = "first",
            ["investigator2"] = "second",
        });
        foreach (var material in new[] { "data-check-report", "home-visit-record" })
        {
            yield return _ => Attach(caseId, material);
        }

        yield return r => Trigger(caseId, "complete-investigation", r, options.ApiKey, null, null);
        yield return r => Trigger(caseId, "pass-first-review", r, options.SupervisorKey, null, null);
    }

    private Task<(JsonNode? Body, long? Revision)?> Trigger(string caseId, string trigger, long? revision, string key, string? reason, JsonObject? data) =>
        SendAsync("trigger", HttpMethod.Post, $"/api/cases/{Uri.EscapeDataString(caseId)}/triggers/{trigger}", key, revision, new JsonObject { ["reason"] = reason, ["data"] = data });

    private Task<(JsonNode? Body, long? Revision)?> Attach(string caseId, string material) =>
        SendAsync("document", HttpMethod.Post, options.MaterialsRoute.Replace("{id}", Uri.EscapeDataString(caseId), StringComparison.Ordinal), options.ApiKey, null, new JsonObject
        {
            ["materialId"] = material,
            ["fileName"] = material + ".pdf",
            ["mediaType"] = "application/pdf",
            ["sizeBytes"] = 1024,
            ["contentHash"] = Hash,
        });

    /// <summary>Sends one request; records its latency when it started in the measured window. Null when it failed.</summary>
    private async Task<(JsonNode? Body, long? Revision)?> SendAsync(string kind, HttpMethod method, string path, string key, long? ifMatch, JsonObject body)
    {
        // With its length, as generated clients send it: a streamed JsonContent would go out chunked.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(method, new Uri(host, path)) { Content = content };
        request.Headers.Add("X-Api-Key", key);
        if (ifMatch is { } revision)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{revision}\""));
        }

        await clock.PaceAsync();
        var measured = clock.Measuring;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (measured)
            {
                latencies.Record(kind, elapsed);
            }

            if (!response.IsSuccessStatusCode)
            {
                latencies.Fail(kind, $"HTTP {(int)response.StatusCode} {Code(text)}");
                return null;
            }

            var json = text.Length > 0 ? JsonNode.Parse(text) : null;
            return (json, Revision(response.Headers.ETag) ?? Number(json, "revision"));
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or JsonException)
        {
            latencies.Fail(kind, error.GetType().Name);
            return null;
        }
    }

    private static string? CaseId(JsonNode? body) => (body?["caseId"] ?? body?["id"])?.GetValue<string>();

    private static long? Revision(EntityTagHeaderValue? tag) =>
        tag is not null && long.TryParse(tag.Tag.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision) ? revision : null;

    private static long? Number(JsonNode? body, string name) => body?[name] is JsonValue value && value.TryGetValue<long>(out var n) ? n : null;

    /// <summary>The problem's stable code, if the body is problem+json with one; never the body itself.</summary>
    private static string Code(string text)
    {
        try
        {
            return text.Length > 0 && JsonNode.Parse(text)?["code"] is JsonValue code && code.TryGetValue<string>(out var c) ? c : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
