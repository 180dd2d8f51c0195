// The HTTP load tool, run by hand against a running host on this machine:
// dotnet run -c Release --project tests/Affairs.LoadTest -- --subject HOUSEHOLD [--rounds 5] [--seconds 10] [--clients 32]
// or several hosts it starts itself on one PostgreSQL: -- --postgres "Host=127.0.0.1;…" [--hosts 1,2,3] [--seconds 10]
// or the host on EventStoreDB against the host on SQLite: -- --esdb "esdb://127.0.0.1:PORT?tls=false" [--rounds 3]
using System.Globalization;
using Affairs.Benchmarks;
using Affairs.LoadTest;

if (args is [FloorHost.Verb, ..])
{
    // The floor server of --floor, in the process the tool started for it.
    return await FloorHost.RunAsync(args);
}

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
using var floor = options.Floor != "off" ? await FloorProcess.StartAsync([options.ApiKey, options.SupervisorKey]) : null;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load: {options.Clients} clients against {options.BaseUrl} (process {host.Id}), scenario {options.Scenario}, {options.Rounds} round(s) of {options.WarmUp.TotalSeconds:0} s warm-up and {options.Duration.TotalSeconds:0} s measured, at most {options.MaxRequests} requests a round, {Environment.ProcessorCount} cores (the host shares them)"));
// One unreported round of each first, so that the first reported one carries neither process's JIT and tiering.
if (options.Baseline)
{
    await CommandsBenchmark.MeasureEngineAsync(TimeSpan.FromSeconds(3), options.Clients);
}

var warmUp = new LoadClock(TimeSpan.FromSeconds(5), TimeSpan.Zero, options.MaxRequests);
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => new CaseClient(http, options, options.BaseUrl, new Latencies(), warmUp).RunAsync())));
if (floor is not null)
{
    Console.WriteLine($"floor: {floor.Url} (process {floor.Meter.Id})");
    await MeasureAsync(floor.Url, floor.Meter, new LoadClock(TimeSpan.FromSeconds(5), TimeSpan.Zero, options.MaxRequests), new Latencies());
}

var rounds = new List<LoadRound>();
for (var round = 1; round <= options.Rounds; round++)
{
    // The engine first, in this process while the host idles; then the host, whose CPU is read over the measured window.
    var (engineRate, engineCpu) = options.Baseline ? await CommandsBenchmark.MeasureEngineAsync(options.Duration, options.Clients) : (double.NaN, double.NaN);
    var latencies = new Latencies();
    var clock = new LoadClock(options.WarmUp, options.Duration, options.MaxRequests);
    var (finished, hostCpu) = await MeasureAsync(options.BaseUrl, host, clock, latencies);
    var window = clock.Measured;
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: cases taken to the scenario's end (warm-up included): {finished}; measured window {window.TotalSeconds:0.0} s"));
    var summary = latencies.Print(window);
    var requestRate = summary.Requests / window.TotalSeconds;
    var floorCpu = double.NaN;
    if (floor is not null)
    {
        // The same round against the floor server, right after, so that both meet the same stretch of the machine. Paced,
        // at the host's request rate: a server's CPU per request falls as its rate rises (more requests share each
        // wake-up, each read of the sockets and each fsync), so that the two are compared at one rate.
        var floorLatencies = new Latencies();
        var floorClock = new LoadClock(options.WarmUp, options.Duration, options.MaxRequests, options.Floor == "paced" ? requestRate : null);
        var (_, cpu) = await MeasureAsync(floor.Url, floor.Meter, floorClock, floorLatencies);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}, floor server: measured window {floorClock.Measured.TotalSeconds:0.0} s"));
        var floorSummary = floorLatencies.Print(floorClock.Measured);
        floorCpu = cpu.TotalMicroseconds / Math.Max(1, floorSummary.Requests);
    }

    rounds.Add(new LoadRound(engineRate, engineCpu, summary.TriggerRate, summary.TriggerP99, requestRate, hostCpu.TotalMicroseconds / Math.Max(1, summary.Requests), floorCpu));
}

return LoadRound.Report(rounds, options.Baseline, options.Floor);

// Drives the clients against one server; reads its CPU time over the measured window. Cases finished and that CPU time.
async Task<(int Finished, TimeSpan Cpu)> MeasureAsync(Uri url, HostProcess server, LoadClock clock, Latencies latencies)
{
    var window = Task.Run(async () =>
    {
        await Task.Delay(options.WarmUp);
        return server.CpuTime();
    });
    var finished = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => new CaseClient(http, options, url, latencies, clock).RunAsync())));
    var cpu = server.CpuTime() - await window;
    return (finished.Sum(), cpu);
}
