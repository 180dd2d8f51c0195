// The HTTP load tool, run by hand against a running host on this machine:
// dotnet run -c Release --project tests/Affairs.LoadTest -- --subject HOUSEHOLD [--rounds 5] [--seconds 10] [--clients 32]
// or several hosts it starts itself on one PostgreSQL: -- --postgres "Host=127.0.0.1;…" [--hosts 1,2,3] [--seconds 10]
// or the host on EventStoreDB against the host on SQLite: -- --esdb "esdb://127.0.0.1:PORT?tls=false" [--rounds 3]
using System.Globalization;
using Affairs.Benchmarks;
using Affairs.LoadTest;

LoadOptions options;
HostProcess? host;
try
{
    options = LoadOptions.Parse(args);
    host = options.Postgres is null && options.EventStoreDb is null ? HostProcess.Find(options.BaseUrl, options.HostPid) : null;
}
catch (Exception error) when (error is ArgumentException or FormatException or UriFormatException or OverflowException)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

if (host is null)
{
    // --postgres, --esdb: the tool starts the hosts itself, one configuration after another.
    return options.EventStoreDb is null ? await MultiHostRun.RunAsync(options) : await StoreComparisonRun.RunAsync(options);
}

using var http = options.NewHttpClient();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load: {options.Clients} clients against {options.BaseUrl} (process {host.Id}), scenario {options.Scenario}, {options.Rounds} round(s) of {options.WarmUp.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured, at most {options.MaxRequests} requests a round, {Environment.ProcessorCount} cores (the host shares them)"));
// One unreported round of each first, so that the first reported one carries neither process's JIT and tiering.
if (options.Baseline)
{
    await CommandsBenchmark.MeasureEngineAsync(TimeSpan.FromSeconds(3), options.Clients);
}

var warmUp = new LoadClock(TimeSpan.FromSeconds(5), TimeSpan.Zero, options.MaxRequests);
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => new CaseClient(http, options, options.BaseUrl, new Latencies(), warmUp).RunAsync())));

var rounds = new List<LoadRound>();
for (var round = 1; round <= options.Rounds; round++)
{
    // The engine first, in this process while the host idles; then the host, whose CPU is read over the measured window.
    var (engineRate, engineCpu) = options.Baseline ? await CommandsBenchmark.MeasureEngineAsync(options.Duration, options.Clients) : (double.NaN, double.NaN);
    var latencies = new Latencies();
    var clock = new LoadClock(options.WarmUp, options.Duration, options.MaxRequests);
    var window = Task.Run(async () =>
    {
        await Task.Delay(options.WarmUp);
        return host.CpuTime();
    });
    var finished = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => new CaseClient(http, options, options.BaseUrl, latencies, clock).RunAsync())));
    var hostCpu = host.CpuTime() - await window;
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: cases taken to the scenario's end (warm-up included): {finished.Sum()}; measured window {clock.Measured.TotalSeconds:0.0} s"));
    var summary = latencies.Print(clock.Measured);
    rounds.Add(new LoadRound(engineRate, engineCpu, summary.TriggerRate, summary.TriggerP99, summary.Requests / clock.Measured.TotalSeconds, hostCpu.TotalMicroseconds / Math.Max(1, summary.Requests)));
}

return LoadRound.Report(rounds, options.Baseline);
