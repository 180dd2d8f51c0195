using System.Security.Claims;
using Affairs.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Affairs.Host.WebConsole;

/// <summary>
/// The console's sign-in: a person presents an API key once and gets a cookie session carrying the same claims the key
/// gives the API, so every role, scope and masking rule reads the same. The key is checked again on every request, so a
/// revoked or expired key ends the session at once.
/// </summary>
internal static class ConsoleSession
{
    public const string SchemeName = "Console";
    public const string PathPrefix = "/console";
    public const string CookieName = "affairs.console";

    /// <summary>The claim holding the presented key inside the (encrypted, signed) session cookie.</summary>
    private const string KeyClaim = "console_key";

    public static bool Serves(HttpRequest request) => request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static AuthenticationBuilder AddConsoleSession(this AuthenticationBuilder builder) =>
        builder.AddCookie(SchemeName, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = PathPrefix;
            o.LoginPath = PathPrefix + "/sign-in";
            o.LogoutPath = PathPrefix + "/sign-out";
            o.AccessDeniedPath = PathPrefix + "/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = Revalidate;
        });

    /// <summary>The principal for a key the index accepts now, or null.</summary>
    public static ClaimsPrincipal? For(ApiKeyIndex keys, string presented)
    {
        if (keys.Find(presented) is not { } grant)
        {
            return null;
        }

        var identity = ApiKeyAuthenticationHandler.IdentityOf(grant, SchemeName);
        identity.AddClaim(new Claim(KeyClaim, presented));
        return new ClaimsPrincipal(identity);
    }

    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<ApiKeyIndex>();
        var presented = context.Principal?.FindFirst(KeyClaim)?.Value;
        if (presented is null || keys.Find(presented) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(SchemeName);
        }
    }
}
