using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit.Abstractions;

namespace Affairs.Host.Tests.Scaling;

/// <summary>
/// The proof that several host processes on one store act as one engine through a fault: clients spread over the hosts
/// drive dibao cases with idempotency keys and retries; midway the fault strikes (a host SIGKILLed and restarted, or the
/// store's leader killed) and the dibao post's A holder goes on leave, so takeover timers fire on every host at once.
/// Once the fault is over, every client comes back through its own host (the restarted one too) for one more case.
/// Afterwards, against the log read straight from the store: every acknowledged write is there exactly once, with its
/// key and correlation id; every chain verifies; every timer fired once; and every host's queues and case list agree.
/// </summary>
internal sealed class MultiHostProof(ProofStore store, int hostCount, ITestOutputHelper output)
{
    public const int Clients = 32;
    private static readonly TimeSpan RunBound = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan SettleBound = TimeSpan.FromSeconds(60);
    private static readonly string[] QueueLists = ["asA", "asB", "asSupervisor", "alerts"];
    private readonly string _run = "p" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentQueue<AcknowledgedCommand> _acknowledged = new();
    private string? _absenceId;
    private readonly List<HostProcess> _hosts = [];

    /// <summary>The hosts, once started.</summary>
    public IReadOnlyList<HostProcess> Hosts => _hosts;

    /// <summary>Runs the proof; <paramref name="fault"/> strikes once about a quarter of the writes are acknowledged.</summary>
    public async Task RunAsync(Func<MultiHostProof, CancellationToken, Task> fault)
    {
        using var bound = new CancellationTokenSource(RunBound);
        var ct = bound.Token;
        try
        {
            for (var i = 0; i < hostCount; i++)
            {
                // A quick timer pass, so that takeovers race between the hosts within the run.
                _hosts.Add(new HostProcess($"host-{i + 1}", [.. store.HostConfiguration, "--Affairs:ResidentPseudonymKey=multi-host-proof-key-0123456789", "--Affairs:TimerInterval=00:00:01"]));
            }

            // The first host seeds the demo centre into the empty store; the others start on what it wrote.
            await _hosts[0].StartAsync(ct);
            await Task.WhenAll(_hosts.Skip(1).Select(h => h.StartAsync(ct)));
            var households = await HouseholdsAsync(ct);

            var clients = Enumerable.Range(0, Clients).Select(n => new DibaoClient(n, _run, _hosts, households[n % households.Count], _acknowledged)).ToList();
            var total = Clients * DibaoClient.FirstPassWrites;
            var driving = Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(ct), ct)));
            var midway = Task.Run(
                async () =>
                {
                    await AcknowledgedAsync(total / 4, driving, ct);
                    output.WriteLine($"fault at {_acknowledged.Count} acknowledged writes");
                    await fault(this, ct);
                },
                ct);
            var leave = Task.Run(
                async () =>
                {
                    await AcknowledgedAsync(total / 2, driving, ct);
                    output.WriteLine($"s-dibao-a goes on leave at {_acknowledged.Count} acknowledged writes");
                    await GoOnLeaveAsync(ct);
                },
                ct);
            await Task.WhenAll(driving, midway, leave);
            var firstPass = _acknowledged.Count;
            await Task.WhenAll(clients.Select(c => Task.Run(() => c.ComeBackAsync(ct), ct)));
            output.WriteLine($"{_acknowledged.Count} writes acknowledged; {clients.Sum(c => c.Retries)} attempts sent again");
            var cameBack = _acknowledged.Skip(firstPass).ToList();
            Assert.All(_hosts, h => Assert.Contains(cameBack, a => a.Host == h.Name));

            var waiting = clients.Select(c => c.WaitingCaseId!).ToList();
            var awaitingTakeover = await AwaitingTakeoverAsync(waiting, ct);
            await TakeoversRecordedAsync(awaitingTakeover, ct);
            // A few more timer passes on every host, in which a second firing of any timer would show.
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            var log = await StoreLog.ReadAsync(store.Reader, ct);

            EveryAcknowledgedWriteIsStoredOnce(log);
            EveryTimerFiredOnce(log, awaitingTakeover);
            await EveryChainVerifiesAsync([.. waiting, .. clients.Select(c => c.CaseId!), .. clients.Select(c => c.LaterCaseId!)], ct);
            await HostsAgreeAsync(ct);
        }
        catch (Exception) when (Dump())
        {
            throw;
        }
        finally
        {
            await CancelLeaveAsync();
            foreach (var host in _hosts)
            {
                host.Dispose();
            }
        }
    }

    /// <summary>
    /// Ends the A holder's leave again, through any host that answers: a store that outlives the run (the EventStoreDB
    /// cluster is not emptied) must not start the next run with A away, or every case would go to B from the start.
    /// </summary>
    private async Task CancelLeaveAsync()
    {
        if (_absenceId is not { } absence)
        {
            return;
        }

        foreach (var host in _hosts)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/organisation/absences/{absence}?reason=proof-run-over");
                request.Headers.Add("X-Api-Key", "demo-supervisor-key");
                using var response = await host.Client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // That host is down: the next one.
            }
        }
    }

    /// <summary>SIGKILLs host <paramref name="index"/> and starts it again on its port.</summary>
    public async Task KillAndRestartAsync(int index, CancellationToken cancellationToken)
    {
        _hosts[index].Kill();
        output.WriteLine($"{_hosts[index].Name} killed");
        await _hosts[index].StartAsync(cancellationToken);
        output.WriteLine($"{_hosts[index].Name} serves again at {_acknowledged.Count} acknowledged writes");
    }

    private bool Dump()
    {
        foreach (var host in _hosts)
        {
            output.WriteLine(host.Output);
        }

        return false;
    }

    private async Task<List<string>> HouseholdsAsync(CancellationToken cancellationToken)
    {
        var page = await GetAsync(_hosts[0], "demo-dibao-a-key", "/api/households?limit=50", cancellationToken);
        var households = page.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("householdId").GetString()!).ToList();
        Assert.NotEmpty(households);
        return households;
    }

    private async Task AcknowledgedAsync(int count, Task driving, CancellationToken cancellationToken)
    {
        while (_acknowledged.Count < count && !driving.IsCompleted)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>The A holder of the dibao post goes on leave from now: what waits on them passes to B, by takeover timers.</summary>
    private async Task GoOnLeaveAsync(CancellationToken cancellationToken)
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var host = 0; ; host = (host + 1) % _hosts.Count)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organisation/absences")
            {
                Content = JsonContent.Create(new { staffId = "s-dibao-a", from, to = from.AddDays(2), kind = "leave" }),
            };
            request.Headers.Add("X-Api-Key", "demo-supervisor-key");
            request.Headers.Add("Idempotency-Key", _run + "-leave");
            try
            {
                using var response = await _hosts[host].Client.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    _absenceId = answer.RootElement.GetProperty("absenceId").GetString();
                    return;
                }

                Assert.True((int)response.StatusCode is 503 or 409, $"the leave was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            catch (HttpRequestException)
            {
                // That host is down: the next one.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>
    /// The cases left waiting for A that B never acted on: a takeover is due on each once A is away. (A client slow
    /// enough to attach its material after A left did so as B, who then keeps the step: no takeover is due there.)
    /// </summary>
    private async Task<IReadOnlySet<string>> AwaitingTakeoverAsync(IReadOnlyList<string> waiting, CancellationToken cancellationToken)
    {
        var log = await StoreLog.ReadAsync(store.Reader, cancellationToken);
        var actedOnByB = log.Where(e => e.Category == "case" && e.ActorId == "s-dibao-b").Select(e => e.Stream).ToHashSet(StringComparer.Ordinal);
        var awaiting = waiting.Where(c => !actedOnByB.Contains("case-" + c)).ToHashSet(StringComparer.Ordinal);
        Assert.True(
            awaiting.Count >= waiting.Count / 2,
            $"only {awaiting.Count} of {waiting.Count} cases were still waiting for A when A left; B's events on the first: "
            + string.Join(", ", log.Where(e => e.Stream == "case-" + waiting[0] && e.ActorId == "s-dibao-b").Select(e => $"{e.Revision} {e.Type} {e.IdempotencyKey}")));
        return awaiting;
    }

    /// <summary>Waits (bounded) until the log shows a takeover on every case waiting for A.</summary>
    private async Task TakeoversRecordedAsync(IReadOnlySet<string> waiting, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(SettleBound);
        var streams = waiting.Select(c => "case-" + c).ToHashSet(StringComparer.Ordinal);
        var missing = streams.Count;
        try
        {
            while (missing > 0)
            {
                var log = await StoreLog.ReadAsync(store.Reader, bound.Token);
                missing = streams.Count - log.Where(e => e.Type == "case.escalated.v1" && streams.Contains(e.Stream)).Select(e => e.Stream).Distinct().Count();
                if (missing > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), bound.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"{missing} of {streams.Count} cases left waiting for A had no takeover recorded within {SettleBound.TotalSeconds:0} s");
        }
    }

    private void EveryAcknowledgedWriteIsStoredOnce(List<LoggedEvent> log)
    {
        var acknowledged = _acknowledged.ToList();
        Assert.Equal(Clients * DibaoClient.Writes, acknowledged.Count);
        var ours = log.Where(e => e.IdempotencyKey?.StartsWith(_run + "-", StringComparison.Ordinal) == true && e.Category == "case").ToList();
        var effects = ours.GroupBy(e => (e.ActorId, e.IdempotencyKey)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var ack in acknowledged)
        {
            var what = $"{ack.Client} {ack.What} as {ack.ActorId} (key {ack.IdempotencyKey})";
            Assert.True(effects.TryGetValue((ack.ActorId, ack.IdempotencyKey), out var effect), $"{what} was acknowledged but is not in the store");
            Assert.True(effect.Select(e => e.CausationId).Distinct().Count() == 1, $"{what} was recorded by {effect.Select(e => e.CausationId).Distinct().Count()} commands");
            Assert.Equal("case-" + ack.CaseId, Assert.Single(effect.Select(e => e.Stream).Distinct()));
            Assert.Equal(Enumerable.Range(0, effect.Count).Select(i => effect[0].Revision + i), effect.Select(e => e.Revision));
            Assert.True(effect[^1].CarriesAnswer && effect.Count(e => e.CarriesAnswer) == 1, $"{what}: the answer is not on its last event alone");
            Assert.True(ack.Revision == effect[^1].Revision, $"{what} was answered with revision {ack.Revision}, but its last event is at {effect[^1].Revision}");
            Assert.All(effect, e => Assert.Equal(ack.CorrelationId, e.CorrelationId));
            Assert.Single(log, e => e.Stream == StoreLog.ClaimStream(ack.ActorId, ack.IdempotencyKey));
        }

        // Nothing the clients did not see acknowledged took effect.
        var seen = acknowledged.Select(a => $"{a.ActorId} {a.IdempotencyKey}").ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(effects.Keys, k => !seen.Contains($"{k.ActorId} {k.IdempotencyKey}"));
    }

    private static void EveryTimerFiredOnce(List<LoggedEvent> log, IReadOnlySet<string> waiting)
    {
        var fired = log.Where(e => e.IdempotencyKey?.StartsWith("timer:", StringComparison.Ordinal) == true && e.Category != "idempotency").ToList();
        Assert.NotEmpty(fired);
        foreach (var timer in fired.GroupBy(e => e.IdempotencyKey))
        {
            Assert.True(timer.Select(e => e.CausationId).Distinct().Count() == 1, $"timer {timer.Key} fired {timer.Select(e => e.CausationId).Distinct().Count()} times");
        }

        // However many hosts sent a takeover, each is recorded once on its step.
        foreach (var stream in log.Where(e => e.Category == "case").GroupBy(e => e.Stream))
        {
            var step = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in stream.OrderBy(e => e.Revision))
            {
                if (e.Type == "case.opened.v1" || (e.Type == "case.transitioned.v1" && !e.Data.GetProperty("internal").GetBoolean()))
                {
                    step.Clear();
                }
                else if (e.Type == "case.escalated.v1")
                {
                    var takeover = $"{e.Data.GetProperty("reason")}:{e.Data.GetProperty("toStaffId")}";
                    Assert.True(step.Add(takeover), $"{stream.Key}: takeover {takeover} recorded twice on one step (revision {e.Revision})");
                }
            }
        }

        Assert.All(waiting, c => Assert.Contains(log, e => e.Stream == "case-" + c && e.Type == "case.escalated.v1" && e.Data.GetProperty("toStaffId").GetString() == "s-dibao-b"));
    }

    private async Task EveryChainVerifiesAsync(IReadOnlyList<string> cases, CancellationToken cancellationToken)
    {
        var ledger = await GetAsync(_hosts[0], "demo-auditor-key", "/api/ledger/verify", cancellationToken);
        Assert.True(ledger.GetProperty("broken").GetArrayLength() == 0, $"broken chains: {ledger.GetProperty("broken")}");
        Assert.True(ledger.GetProperty("recordedDigestsBroken").GetArrayLength() == 0, $"recorded digests broken: {ledger.GetProperty("recordedDigestsBroken")}");
        for (var i = 0; i < cases.Count; i++)
        {
            var check = await GetAsync(_hosts[i % _hosts.Count], "demo-auditor-key", $"/api/cases/{cases[i]}/verify", cancellationToken);
            Assert.True(check.GetProperty("eventsChecked").GetInt64() > 0 && Api.Optional(check, "firstBrokenRevision") is null, $"case {cases[i]}: {check}");
        }
    }

    /// <summary>Polls (bounded) until every host answers the same queues and case list.</summary>
    private async Task HostsAgreeAsync(CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(SettleBound);
        var views = new List<string>();
        try
        {
            while (true)
            {
                views = [];
                foreach (var host in _hosts)
                {
                    views.Add(await ViewAsync(host, bound.Token));
                }

                if (views.Distinct(StringComparer.Ordinal).Count() == 1)
                {
                    break;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), bound.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"the hosts' queues did not agree within {SettleBound.TotalSeconds:0} s:{Environment.NewLine}{string.Join(Environment.NewLine, views)}");
        }

        using var agreed = JsonDocument.Parse(views[0]);
        Assert.True(agreed.RootElement.GetProperty("cases").GetArrayLength() >= 3 * Clients, views[0]);
    }

    /// <summary>One host's dibao post queue, its B holder's and the supervisor's queues, and its list of dibao cases, less the moment they were read.</summary>
    private static async Task<string> ViewAsync(HostProcess host, CancellationToken cancellationToken)
    {
        var post = await GetAsync(host, "demo-auditor-key", "/api/queues/posts/dibao", cancellationToken);
        var b = await GetAsync(host, "demo-auditor-key", "/api/queues/staff/s-dibao-b", cancellationToken);
        var head = await GetAsync(host, "demo-auditor-key", "/api/queues/staff/s-head", cancellationToken);
        var cases = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await GetAsync(host, "demo-auditor-key", "/api/cases?affairType=dibao&limit=200" + (cursor is null ? string.Empty : "&cursor=" + cursor), cancellationToken);
            cases.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = Api.Optional(page, "nextCursor");
        }
        while (cursor is not null);

        return JsonSerializer.Serialize(new
        {
            post = post.GetProperty("items"),
            b = QueueLists.Select(p => b.GetProperty(p)).ToArray(),
            head = QueueLists.Select(p => head.GetProperty(p)).ToArray(),
            cases,
        });
    }

    private static async Task<JsonElement> GetAsync(HostProcess host, string apiKey, string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await host.Client.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} on {host.Name}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
