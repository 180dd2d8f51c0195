using System.Security.Claims;
using Affairs.Domain.Staffing;
using Affairs.Host.Security;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Staffing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Affairs.Host.WebConsole;

/// <summary>
/// The console's sign-in: a person presents an API key once and gets a cookie session carrying the same claims the key
/// gives the API, so every role, scope and masking rule reads the same. The key is checked again on every request, so a
/// revoked or expired key ends the session at once. Signed in through the centre's OpenID Connect provider
/// (<see cref="ConsoleProviderSignIn"/>), the session carries the claims a key bound to the staff member would, and
/// every request checks the organisation still registers them (and follows a change of section head).
/// </summary>
internal static class ConsoleSession
{
    public const string SchemeName = "Console";
    public const string PathPrefix = "/console";
    public const string CookieName = "affairs.console";

    /// <summary>The claim holding the presented key inside the (encrypted, signed) session cookie.</summary>
    private const string KeyClaim = "console_key";

    /// <summary>The claim naming the staff member a session through the provider acts as.</summary>
    private const string StaffClaim = "console_staff";

    public static bool Serves(HttpRequest request) => request.Path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static AuthenticationBuilder AddConsoleSession(this AuthenticationBuilder builder, ConsoleSignIn signIn)
    {
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
        return signIn.Provider is { } provider ? builder.AddConsoleProvider(provider) : builder;
    }

    /// <summary>Whether <paramref name="user"/> signed in through the provider rather than with a key.</summary>
    public static bool ThroughProvider(ClaimsPrincipal user) => user.HasClaim(c => c.Type == StaffClaim);

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

    /// <summary>
    /// The principal for a member of staff the organisation registers, with the roles a key bound to them grants (the
    /// same claims, so every policy and masking rule reads the same), or null for an id it does not register.
    /// </summary>
    public static ClaimsPrincipal? ForStaff(Organisation organisation, string staffId)
    {
        if (!organisation.Staff.Contains(staffId))
        {
            return null;
        }

        var identity = ApiKeyAuthenticationHandler.IdentityOf(new ApiKeyGrant(staffId, ApiKeyRules.StaffRoles(organisation, staffId), []), SchemeName);
        identity.AddClaim(new Claim(StaffClaim, staffId));
        return new ClaimsPrincipal(identity);
    }

    private static async Task Revalidate(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var signIn = services.GetRequiredService<ConsoleSignIn>();
        var presented = context.Principal?.FindFirst(KeyClaim)?.Value;
        var staffId = context.Principal?.FindFirst(StaffClaim)?.Value;
        if (presented is not null && signIn.ApiKeys && services.GetRequiredService<ApiKeyIndex>().Find(presented) is not null)
        {
            return;
        }

        if (staffId is not null && signIn.Provider is not null)
        {
            var (organisation, _) = await services.GetRequiredService<OrganisationDirectory>().CurrentAsync(context.HttpContext.RequestAborted);
            if (ForStaff(organisation, staffId) is { } current)
            {
                if (!Caller.Roles(current).SetEquals(Caller.Roles(context.Principal!)))
                {
                    context.ReplacePrincipal(current);
                    context.ShouldRenew = true;
                }

                return;
            }
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(SchemeName);
    }
}
