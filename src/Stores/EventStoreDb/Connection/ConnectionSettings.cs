using System.Globalization;
using System.Text;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>What an <c>esdb://</c> URL says: the node's gRPC address, TLS, certificate checks and credentials.</summary>
internal sealed class ConnectionSettings
{
    public const int DefaultPort = 2113;
    private const string Scheme = "esdb";
    private static readonly string[] Parameters = ["tls", "tlsVerifyCert"];

    private ConnectionSettings(Uri address, bool verifyCertificate, string? userName, string? password)
    {
        Address = address;
        VerifyCertificate = verifyCertificate;
        UserName = userName;
        Password = password;
    }

    /// <summary>The node's HTTP/2 address: <c>http://</c> without TLS, <c>https://</c> with it.</summary>
    public Uri Address { get; }

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

    /// <summary>Parses an <c>esdb://</c> URL; the messages never repeat the password.</summary>
    /// <exception cref="ArgumentException">The URL is not one this adapter can use.</exception>
    public static ConnectionSettings Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw Invalid("it is empty; set Store:EventStoreDb:ConnectionString, e.g. esdb://127.0.0.1:2113?tls=false");
        }

        if (connectionString.StartsWith("esdb+discover:", StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid("cluster discovery (esdb+discover://) is not supported; give one node as esdb://host:port");
        }

        if (!Uri.TryCreate(connectionString.Trim(), UriKind.Absolute, out var url) || url.Scheme != Scheme || string.IsNullOrEmpty(url.Host))
        {
            throw Invalid("expected esdb://[user:password@]host[:port][?tls=false]");
        }

        if (url.AbsolutePath is not ("" or "/") || !string.IsNullOrEmpty(url.Fragment))
        {
            throw Invalid("it has a path or fragment; several hosts (a,b,c) are not supported either");
        }

        var query = Query(url.Query);
        var tls = Flag(query, "tls");
        var verify = Flag(query, "tlsVerifyCert");
        var port = url.IsDefaultPort || url.Port < 0 ? DefaultPort : url.Port;
        var address = new Uri($"{(tls ? Uri.UriSchemeHttps : Uri.UriSchemeHttp)}://{url.Host}:{port.ToString(CultureInfo.InvariantCulture)}");
        var (user, password) = Credentials(url.UserInfo);
        return new ConnectionSettings(address, verify, user, password);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Address} (tls={UseTls}, verify certificate={VerifyCertificate}, user={UserName ?? "none"})";

    private static Dictionary<string, string> Query(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
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
