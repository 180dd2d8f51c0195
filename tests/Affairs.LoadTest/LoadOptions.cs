using System.Globalization;
using System.Net;

namespace Affairs.LoadTest;

/// <summary>
/// The command line. The host must be on the loopback interface: this tool never sends load anywhere else.
/// </summary>
internal sealed record LoadOptions(
    Uri BaseUrl,
    string ApiKey,
    string SupervisorKey,
    string Subject,
    string Scenario,
    string MaterialsRoute,
    int Clients,
    TimeSpan Duration,
    TimeSpan WarmUp,
    long MaxRequests,
    int Rounds,
    bool Baseline,
    int? HostPid,
    string? Postgres,
    string? EventStoreDb,
    IReadOnlyList<int> HostCounts,
    string HostAssembly,
    string Floor)
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Affairs.LoadTest -- --subject <household id> [options]
               dotnet run -c Release --project tests/Affairs.LoadTest -- --postgres <connection string> [options]
               dotnet run -c Release --project tests/Affairs.LoadTest -- --esdb <connection string> [options]
          --url URL               the host, loopback only (default http://127.0.0.1:5080)
          --api-key KEY           the dibao post's A holder's API key (default: env AFFAIRS_LOAD_API_KEY, else the demo
                                  seed's demo-dibao-a-key)
          --supervisor-key KEY    the supervisor's key, for pass-first-review in the full scenario (default: env
                                  AFFAIRS_LOAD_SUPERVISOR_KEY, else the demo seed's demo-supervisor-key)
          --subject ID            the household the cases are opened for (one of the demo seed's)
          --scenario NAME         supplement (default): open, request-supplement, supplement, not-accept
                                  full: open, 4 documents, accept, record-data-check, record-home-visit, 2 documents,
                                        complete-investigation, pass-first-review (the public notice then waits for its timer)
          --materials-route PATH  where documents are attached in the full scenario (default /api/cases/{id}/materials)
          --clients N             concurrent clients (default 32)
          --seconds S             measured time (default 30)
          --warmup S              unmeasured time before it (default 3)
          --max-requests N        stop after this many requests in all, per round (default 2000000)
          --rounds N              rounds, each an in-process engine round then an HTTP round; the summary is their
                                  median (default 1)
          --baseline commands     before each HTTP round, the commands suite's engine round in this process for as long
                                  (default), the baseline of the host's CPU per request; none skips it
          --host-pid PID          the host's process, whose CPU time is read (default: the process listening on the
                                  URL's port, found through /proc)
          --floor paced|free      after each HTTP round, the same round against a floor server this tool starts on
                                  another loopback port: the clients' routes, the key header checked, each body read
                                  and journalled with a group commit (fsync), nothing of the engine; its CPU per request
                                  is what serving a durable write over HTTP costs here before any of the host's work.
                                  paced: the clients start requests at the host round's rate; free: as fast as the
                                  floor answers (a higher rate, so less CPU per request). Default off
        several hosts on one PostgreSQL (the tool starts them; --url, --host-pid and --baseline do not apply):
          --postgres CONN         a PostgreSQL server on this machine: for each host count, a fresh schema is seeded by
                                  the first host, the clients are spread round-robin over the hosts, and the schema is
                                  dropped afterwards (--subject defaults to the seed's first household)
          --hosts LIST            the host counts to measure, in order (default 1,2,3)
        the host on EventStoreDB against the host on SQLite (the tool starts them, one round of each per --rounds):
          --esdb CONN             an EventStoreDB server on this machine keeping its log on disk (esdb://127.0.0.1:PORT?tls=false)
          --host-dll PATH         the built host (default src/Host/bin/Release/net10.0/Affairs.Host.dll; build it with
                                  dotnet build src/Host -c Release)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --option value at '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string? Value(string name) => values.Remove(name, out var v) ? v : null;
        var url = new Uri(Value("url") ?? "http://127.0.0.1:5080", UriKind.Absolute);
        var postgres = Value("postgres");
        var esdb = Value("esdb");
        var starts = postgres is not null || esdb is not null;
        var options = new LoadOptions(
            url,
            Value("api-key") ?? Environment.GetEnvironmentVariable("AFFAIRS_LOAD_API_KEY") ?? "demo-dibao-a-key",
            Value("supervisor-key") ?? Environment.GetEnvironmentVariable("AFFAIRS_LOAD_SUPERVISOR_KEY") ?? "demo-supervisor-key",
            Value("subject") ?? (starts ? string.Empty : throw new ArgumentException("--subject is required")),
            Value("scenario") ?? "supplement",
            Value("materials-route") ?? "/api/cases/{id}/materials",
            Number("clients", 32),
            TimeSpan.FromSeconds(Number("seconds", 30)),
            TimeSpan.FromSeconds(Number("warmup", 3)),
            Number("max-requests", 2_000_000),
            Number("rounds", 1),
            (Value("baseline") ?? "commands") switch
            {
                "commands" => true,
                "none" => false,
                _ => throw new ArgumentException("--baseline is commands or none"),
            },
            Value("host-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            postgres,
            esdb,
            [.. (Value("hosts") ?? "1,2,3").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))],
            Path.GetFullPath(Value("host-dll") ?? Path.Combine("src", "Host", "bin", "Release", "net10.0", "Affairs.Host.dll")),
            Value("floor") is { } floor ? floor is "paced" or "free" or "off" ? floor : throw new ArgumentException("--floor is paced, free or off") : "off");
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{values.Keys.First()}");
        }

        return options.Check();

        int Number(string name, int otherwise) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : otherwise;
    }

    private LoadOptions Check()
    {
        if (!IsLoopback(BaseUrl))
        {
            throw new ArgumentException($"--url must be on the loopback interface (127.0.0.1, ::1 or localhost), not {BaseUrl.Host}");
        }

        if (Scenario is not ("supplement" or "full"))
        {
            throw new ArgumentException("--scenario is supplement or full");
        }

        if (Clients < 1 || Duration <= TimeSpan.Zero || WarmUp < TimeSpan.Zero || MaxRequests < 1 || Rounds < 1)
        {
            throw new ArgumentException("--clients, --seconds, --max-requests and --rounds are positive; --warmup is not negative");
        }

        if (Floor != "off" && (Postgres is not null || EventStoreDb is not null))
        {
            throw new ArgumentException("--floor is measured beside a running host, not with --postgres or --esdb");
        }

        if (Postgres is not null && EventStoreDb is not null)
        {
            throw new ArgumentException("--postgres and --esdb are separate runs");
        }

        if ((Postgres is not null || EventStoreDb is not null) && (HostCounts.Count == 0 || HostCounts.Any(n => n is < 1 or > 8) || !File.Exists(HostAssembly)))
        {
            throw new ArgumentException($"--hosts lists 1 to 8 hosts per configuration, and --host-dll names the built host ({HostAssembly} does not exist: dotnet build src/Host -c Release)");
        }

        return this;
    }

    /// <summary>The clients' shared HTTP client: a connection per client, kept for the whole run, never through a proxy.</summary>
    public HttpClient NewHttpClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Clients,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseProxy = false,
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback && (url.Host == "localhost" || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
