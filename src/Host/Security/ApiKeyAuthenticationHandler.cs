using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Affairs.Host.Security;

/// <summary>Authenticates the <c>X-Api-Key</c> header against the keys of <see cref="ApiKeyIndex"/>: no store read per request.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyIndex keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented) || string.IsNullOrEmpty(presented.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Find(presented.ToString()) is not { } grant)
        {
            return Task.FromResult(AuthenticateResult.Fail("Unknown, revoked or expired API key."));
        }

        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(IdentityOf(grant, SchemeName)), SchemeName)));
    }

    /// <summary>The claims a key's grant gives, the same for the API and for a console session signed in with the key.</summary>
    public static ClaimsIdentity IdentityOf(ApiKeyGrant grant, string scheme)
    {
        var claims = new List<Claim> { new(AffairsClaims.Subject, grant.Subject) };
        claims.AddRange(grant.Roles.Select(r => new Claim(AffairsClaims.Role, r)));
        claims.AddRange(grant.Scopes.Select(s => new Claim(AffairsClaims.Scope, s)));
        return new ClaimsIdentity(claims, scheme, AffairsClaims.Subject, AffairsClaims.Role);
    }
}
