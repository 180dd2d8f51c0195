using System.Globalization;
using System.Text;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>
/// What an <c>esdb://</c> or <c>esdb+discover://</c> URL says: the node (or the cluster's gossip seeds), TLS, certificate
/// checks, credentials, which node to prefer and how long to look for it.
/// </summary>
internal sealed class ConnectionSettings
{
    public const int DefaultPort = 2113;
    private const string SingleScheme = "esdb://";
    private const string DiscoverScheme = "esdb+discover://";
    private const string Example = "esdb://127.0.0.1:2113?tls=false or esdb+discover://node1:2113,node2:2113,node3:2113";

    private static readonly string[] Parameters =
        ["tls", "tlsVerifyCert", "nodePreference", "maxDiscoverAttempts", "discoveryInterval", "gossipTimeout"];

    private ConnectionSettings(IReadOnlyList<Uri> nodes, bool discover, bool verifyCertificate, string? userName, string? password)
    {
        Nodes = nodes;
        Discover = discover;
        VerifyCertificate = verifyCertificate;
        UserName = userName;
        Password = password;
    }

    /// <summary>The (first) node's HTTP/2 address: <c>http://</c> without TLS, <c>https://</c> with it.</summary>
    public Uri Address => Nodes[0];

    /// <summary>The node, or for discovery the gossip seeds, in the order the URL gives them.</summary>
    public IReadOnlyList<Uri> Nodes { get; }

    /// <summary>True when the node to talk to is found through the cluster's gossip (<c>esdb+discover://</c> or several hosts).</summary>
    public bool Discover { get; }

    /// <summary>Which cluster member to talk to; <see cref="NodePreference.Leader"/> unless the URL says otherwise.</summary>
    public NodePreference NodePreference { get; private init; } = NodePreference.Leader;

    /// <summary>How many times one call looks for a usable node (discovery, reconnection) before the store is unavailable.</summary>
    public int MaxDiscoverAttempts { get; private init; } = 10;

    /// <summary>The first wait between two attempts; it doubles after each failure, up to 2 s.</summary>
    public TimeSpan DiscoveryInterval { get; private init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one gossip request to a seed may take.</summary>
    public TimeSpan GossipTimeout { get; private init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether TLS is used.</summary>
    public bool UseTls => Address.Scheme == Uri.UriSchemeHttps;

    /// <summary>False when <c>tlsVerifyCert=false</c> accepts any server certificate.</summary>
    public bool VerifyCertificate { get; }

    /// <summary>The user for basic authentication, or null.</summary>
    public string? UserName { get; }

    /// <summary>The password for basic authentication, or null.</summary>
    public string? Password { get; }

    /// <summary>The <c>authorization</c> header value for the credentials, or null without credentials.</summary>
    public string? AuthorizationHeader => UserName is null
        ? null
        : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{UserName}:{Password}"));

    /// <summary>The address of a node the gossip names, with this URL's TLS choice.</summary>
    public Uri AddressOf(string host, int port) =>
        new($"{(UseTls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp)}://{Bracketed(host)}:{port.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Parses an <c>esdb://</c> or <c>esdb+discover://</c> URL; the messages never repeat the password.</summary>
    /// <exception cref="ArgumentException">The URL is not one this adapter can use.</exception>
    public static ConnectionSettings Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid($"it is empty; set Store:EventStoreDb:ConnectionString, e.g. {Example}");
        }

        var url = connectionString.Trim();
        var discover = url.StartsWith(DiscoverScheme, StringComparison.OrdinalIgnoreCase);
        if (!discover && !url.StartsWith(SingleScheme, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("expected esdb://[user:password@]host[:port][?tls=false] or esdb+discover://host1:port,host2:port,…");
        }

        var rest = url[(discover ? DiscoverScheme : SingleScheme).Length..];
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var authority = question < 0 ? rest : rest[..question];
        var query = Query(question < 0 ? string.Empty : rest[(question + 1)..]);
        if (authority.EndsWith('/'))
        {
            authority = authority[..^1];
        }

        if (authority.Contains('/', StringComparison.Ordinal) || authority.Contains('#', StringComparison.Ordinal)
            || query.Values.Any(v => v.Contains('#', StringComparison.Ordinal)))
        {
            throw Invalid("it has a path or fragment");
        }

        var at = authority.LastIndexOf('@');
        var (user, password) = Credentials(at < 0 ? string.Empty : authority[..at]);
        var tls = Flag(query, "tls");
        var hosts = (at < 0 ? authority : authority[(at + 1)..]).Split(',', StringSplitOptions.TrimEntries);
        var nodes = hosts.Select(host => Node(host, tls)).ToList();
        return new ConnectionSettings(nodes, discover || nodes.Count > 1, Flag(query, "tlsVerifyCert"), user, password)
        {
            NodePreference = Preference(query),
            MaxDiscoverAttempts = Number(query, "maxDiscoverAttempts", 10, 1, 1000),
            DiscoveryInterval = TimeSpan.FromMilliseconds(Number(query, "discoveryInterval", 100, 1, 60_000)),
            GossipTimeout = TimeSpan.FromMilliseconds(Number(query, "gossipTimeout", 5000, 1, 600_000)),
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{string.Join(",", Nodes)} (discover={Discover}, prefer={NodePreference}, tls={UseTls}, verify certificate={VerifyCertificate}, user={UserName ?? "none"})";

    private static Uri Node(string host, bool tls)
    {
        if (host.Length == 0 || !Uri.TryCreate($"http://{host}", UriKind.Absolute, out var parsed)
            || string.IsNullOrEmpty(parsed.Host) || parsed.AbsolutePath != "/" || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            throw Invalid("a host is missing or not host[:port]");
        }

        var port = host.EndsWith(':' + parsed.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) ? parsed.Port : DefaultPort;
        return new Uri($"{(tls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp)}://{parsed.Host}:{port.ToString(CultureInfo.InvariantCulture)}");
    }

    private static string Bracketed(string host) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;

    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!Parameters.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw Invalid($"the parameter '{key}' is not supported (supported: {string.Join(", ", Parameters)})");
            }

            values[key] = value;
        }

        return values;
    }

    private static bool Flag(Dictionary<string, string> query, string key)
    {
        if (!query.TryGetValue(key, out var value))
        {
            return true;
        }

        return bool.TryParse(value, out var flag) ? flag : throw Invalid($"{key} must be true or false");
    }

    private static int Number(Dictionary<string, string> query, string key, int otherwise, int min, int max)
    {
        if (!query.TryGetValue(key, out var value))
        {
            return otherwise;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw Invalid($"{key} must be a whole number from {min} to {max}");
    }

    private static NodePreference Preference(Dictionary<string, string> query)
    {
        if (!query.TryGetValue("nodePreference", out var value))
        {
            return NodePreference.Leader;
        }

        return value.ToUpperInvariant() switch
        {
            "LEADER" => NodePreference.Leader,
            "FOLLOWER" => NodePreference.Follower,
            "RANDOM" => NodePreference.Random,
            _ => throw Invalid("nodePreference must be leader, follower or random"),
        };
    }

    private static (string? User, string? Password) Credentials(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo))
        {
            return (null, null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw Invalid("credentials are user:password; the user or the password is missing");
        }

        return (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }

    private static ArgumentException Invalid(string why) =>
        new($"The EventStoreDB connection string is not usable: {why}.", "connectionString");
}

/// <summary>Which member of a cluster the adapter talks to.</summary>
internal enum NodePreference
{
    /// <summary>The leader: every read sees every acknowledged write; appends go straight to the node that orders them.</summary>
    Leader,

    /// <summary>A follower (the leader when there is none); the follower forwards appends to the leader.</summary>
    Follower,

    /// <summary>Any member in a usable state.</summary>
    Random,
}
