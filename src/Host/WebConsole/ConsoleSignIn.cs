namespace Affairs.Host.WebConsole;

/// <summary>
/// How people sign in to the console, read once at start: with an API key (on unless <c>Console:ApiKeySignIn</c> is
/// <c>false</c>), and through the centre's OpenID Connect provider when <c>Console:OpenIdConnect</c> names one. A
/// setting that cannot work stops the start with what to fix, rather than failing at the first sign-in.
/// </summary>
/// <param name="ApiKeys">Whether the sign-in page takes an API key.</param>
/// <param name="Provider">The OpenID Connect provider, or null.</param>
internal sealed record ConsoleSignIn(bool ApiKeys, ConsoleProvider? Provider)
{
    public const string Section = "Console:OpenIdConnect";
    public const string ApiKeySetting = "Console:ApiKeySignIn";

    public static ConsoleSignIn Read(IConfiguration configuration)
    {
        var apiKeys = configuration.GetValue(ApiKeySetting, true);
        var provider = ConsoleProvider.Read(configuration.GetSection(Section));
        if (!apiKeys && provider is null)
        {
            throw new InvalidOperationException(
                $"{ApiKeySetting}=false leaves the console without a way to sign in: configure {Section} (Authority, ClientId) or leave API-key sign-in on.");
        }

        return new ConsoleSignIn(apiKeys, provider);
    }
}

/// <summary>The centre's OpenID Connect provider, as <c>Console:OpenIdConnect</c> configures it.</summary>
/// <param name="Authority">The issuer, where <c>/.well-known/openid-configuration</c> is found.</param>
/// <param name="ClientId">The client id the provider registered the console under.</param>
/// <param name="ClientSecret">Its secret, or null for a public client (PKCE is used either way).</param>
/// <param name="DisplayName">The provider's name on the sign-in button.</param>
/// <param name="StaffClaim">The ID token claim that holds the staff id (<c>sub</c> unless configured).</param>
/// <param name="Scopes">Scopes asked for besides <c>openid</c>.</param>
/// <param name="SignOutAtProvider">Whether signing out also ends the session at the provider.</param>
/// <param name="RequireHttpsMetadata">Whether the provider must be reached over HTTPS (only a test or a development provider may not).</param>
internal sealed record ConsoleProvider(
    string Authority,
    string ClientId,
    string? ClientSecret,
    string DisplayName,
    string StaffClaim,
    IReadOnlyList<string> Scopes,
    bool SignOutAtProvider,
    bool RequireHttpsMetadata)
{
    /// <summary>The provider's origin: the console's forms may be redirected there (sign-in and sign-out).</summary>
    public string Origin => new Uri(Authority).GetLeftPart(UriPartial.Authority);

    /// <summary>The provider <paramref name="section"/> configures, or null when it names none.</summary>
    public static ConsoleProvider? Read(IConfigurationSection section)
    {
        var authority = section["Authority"];
        var clientId = section["ClientId"];
        var clientSecret = section["ClientSecret"];
        if (string.IsNullOrWhiteSpace(authority) && string.IsNullOrWhiteSpace(clientId) && string.IsNullOrWhiteSpace(clientSecret))
        {
            return null;
        }

        var name = ConsoleSignIn.Section;
        var requireHttps = section.GetValue("RequireHttpsMetadata", true);
        if (string.IsNullOrWhiteSpace(authority))
        {
            throw new InvalidOperationException($"{name} needs Authority: the provider's issuer URL, such as https://login.example.org/realms/centre.");
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new InvalidOperationException($"{name}:Authority must be an absolute https URL, such as https://login.example.org/realms/centre.");
        }

        if (uri.Scheme == Uri.UriSchemeHttp && requireHttps)
        {
            throw new InvalidOperationException($"{name}:Authority must use https (set {name}:RequireHttpsMetadata=false only for a development provider).");
        }

        if (string.IsNullOrWhiteSpace(clientId))
        {
            throw new InvalidOperationException($"{name} needs ClientId: the client id the provider registered the console under.");
        }

        var staffClaim = section["StaffClaim"] is { Length: > 0 } claim ? claim.Trim() : "sub";
        var scopes = (section["Scopes"] ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s != "openid").Distinct(StringComparer.Ordinal).ToArray();
        return new ConsoleProvider(
            authority.Trim(),
            clientId.Trim(),
            string.IsNullOrWhiteSpace(clientSecret) ? null : clientSecret,
            section["DisplayName"] is { Length: > 0 } display ? display.Trim() : uri.Host,
            staffClaim,
            scopes,
            section.GetValue("SignOutAtProvider", false),
            requireHttps);
    }
}
