// The HTTP load tool, run by hand against a running host on this machine:
// dotnet run -c Release --project tests/Affairs.LoadTest -- --subject HOUSEHOLD [--api-key KEY] [--clients 32] [--seconds 30]
using System.Globalization;
using Affairs.LoadTest;

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException or UriFormatException)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler
{
    MaxConnectionsPerServer = options.Clients,
    PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    UseProxy = false,
})
{
    Timeout = TimeSpan.FromSeconds(30),
};
var latencies = new Latencies();
var clock = new LoadClock(options.WarmUp, options.Duration, options.MaxRequests);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"load: {options.Clients} clients against {options.BaseUrl}, scenario {options.Scenario}, {options.WarmUp.TotalSeconds:0} s warm-up, {options.Duration.TotalSeconds:0} s measured, at most {options.MaxRequests} requests, {Environment.ProcessorCount} cores (the host shares them)"));
var finished = await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(_ => Task.Run(() => new CaseClient(http, options, latencies, clock).RunAsync())));
var window = clock.Measured;
Console.WriteLine();
var (triggerRate, triggerP99) = latencies.Print(window);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cases taken to the scenario's end (warm-up included): {finished.Sum()}; measured window {window.TotalSeconds:0.0} s"));
var met = triggerRate >= 2000 && triggerP99 < 50;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"triggers: {triggerRate:0} requests/s, p99 {triggerP99:0.0} ms; target 2000/s with p99 < 50 ms: {(met ? "met" : "MISSED")}"));
return met ? 0 : 1;
