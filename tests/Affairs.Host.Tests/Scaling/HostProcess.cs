using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Affairs.Host.Tests.Scaling;

/// <summary>
/// The built host in a process of its own (<c>dotnet Affairs.Host.dll</c>, by default the one in this program's own
/// output), on a free loopback port it keeps across restarts, with the store's configuration on its command line.
/// <see cref="Kill"/> is SIGKILL: nothing is flushed or stopped gracefully. Also linked into the load tool.
/// </summary>
internal sealed class HostProcess : IDisposable
{
    private const int KeptLines = 120;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);
    private static readonly string[] LogLevels = ["trce:", "dbug:", "info:", "warn:", "fail:", "crit:"];
    private readonly IReadOnlyList<string> _configuration;
    private readonly string _assembly;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "affairs-host-processes", Guid.NewGuid().ToString("N"));
    private readonly Queue<string> _lines = new();
    private Process? _process;

    public HostProcess(string name, IReadOnlyList<string> configuration, string? assembly = null)
    {
        Name = name;
        _configuration = configuration;
        _assembly = assembly ?? Path.Combine(AppContext.BaseDirectory, "Affairs.Host.dll");
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Directory.CreateDirectory(_folder);
    }

    public string Name { get; }

    public Uri BaseUrl { get; }

    /// <summary>A client of this host; requests name their API key themselves.</summary>
    public HttpClient Client { get; }

    /// <summary>The running process's id, or null before a start and after it ended.</summary>
    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>How many times the process was started.</summary>
    public int Starts { get; private set; }

    /// <summary>The last lines the process wrote, for a failure's message.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return $"{Name} ({BaseUrl}):{Environment.NewLine}{string.Join(Environment.NewLine, _lines)}";
            }
        }
    }

    /// <summary>Starts the process and waits until it serves: the store answers and the demo keys authenticate.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(_assembly);
        start.ArgumentList.Add("serve");
        string[] own = ["--urls", BaseUrl.ToString().TrimEnd('/'), $"--Affairs:DataFolder={_folder}", "--Logging:LogLevel:Default=Warning"];
        foreach (var argument in (string[])[.. own, .. _configuration])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Of standard output only the log entries (a level, then indented lines): the start-up banner would crowd out what matters.
        var inEntry = false;
        process.OutputDataReceived += (_, e) =>
        {
            inEntry = e.Data is { } line && (LogLevels.Any(l => line.StartsWith(l, StringComparison.Ordinal)) || (inEntry && line.StartsWith(' ')));
            Keep(inEntry ? e.Data : null);
        };
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(StartBound);
        while (!await ServesAsync(bound.Token))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting.{Environment.NewLine}{Output}");
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), bound.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{Name} did not serve within {StartBound.TotalSeconds:0} s.{Environment.NewLine}{Output}");
            }
        }
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
        Client.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> ServesAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var ready = await Client.GetAsync("/health/ready", cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/queues/me");
            request.Headers.Add("X-Api-Key", "demo-dibao-a-key");
            using var keys = await Client.SendAsync(request, cancellationToken);
            return ready.StatusCode == HttpStatusCode.OK && keys.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
            {
                _lines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
