using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Affairs.LoadTest;

/// <summary>The floor server (<see cref="FloorHost"/>) in a process of its own, on a free loopback port, with its journal in a temporary folder.</summary>
internal sealed class FloorProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private FloorProcess(Process process, Uri url, string folder)
    {
        _process = process;
        Url = url;
        _folder = folder;
    }

    public Uri Url { get; }

    public HostProcess Meter => new(_process.Id);

    /// <summary>Starts the server accepting <paramref name="keys"/> and waits until it answers.</summary>
    public static async Task<FloorProcess> StartAsync(IEnumerable<string> keys)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var folder = Directory.CreateTempSubdirectory("affairs-floor-").FullName;
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
        {
            start.ArgumentList.Add(typeof(FloorHost).Assembly.Location);
        }

        foreach (var arg in new[] { FloorHost.Verb, url.ToString(), folder }.Concat(keys))
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("the floor server did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var floor = new FloorProcess(process, url, folder);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(url, "/health/live"))).IsSuccessStatusCode)
                {
                    return floor;
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        floor.Dispose();
        throw new InvalidOperationException("the floor server did not answer within 20 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
