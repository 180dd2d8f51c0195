using Affairs.Workflows.Staffing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Affairs.Host.WebConsole;

/// <summary>
/// Sign-in through the centre's OpenID Connect provider: the authorization code flow with PKCE, the code returned in
/// the query of a plain redirect (not a cross-site form post, which the console's Content-Security-Policy and its
/// same-site cookies would both stand in the way of). The ID token's staff claim must name a member of staff the
/// organisation registers; the session then carries the roles a key bound to them would, and no token of the provider
/// is needed afterwards (only the ID token is kept, to end the provider's session too where configured).
/// </summary>
internal static partial class ConsoleProviderSignIn
{
    public const string SchemeName = "ConsoleProvider";
    public const string CallbackPath = ConsoleSession.PathPrefix + "/signin-oidc";
    public const string SignedOutCallbackPath = ConsoleSession.PathPrefix + "/signout-callback-oidc";

    /// <summary>Where a sign-in the console will not complete ends: a page saying why, and no session.</summary>
    public const string RefusedPath = ConsoleSession.PathPrefix + "/sign-in/refused";

    public static AuthenticationBuilder AddConsoleProvider(this AuthenticationBuilder builder, ConsoleProvider provider) =>
        builder.AddOpenIdConnect(SchemeName, provider.DisplayName, o =>
        {
            o.Authority = provider.Authority;
            o.RequireHttpsMetadata = provider.RequireHttpsMetadata;
            o.ClientId = provider.ClientId;
            o.ClientSecret = provider.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            o.Scope.Add(OpenIdConnectScope.OpenId);
            foreach (var scope in provider.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = provider.SignOutAtProvider;
            o.SignInScheme = ConsoleSession.SchemeName;
            o.SignOutScheme = ConsoleSession.SchemeName;
            o.CallbackPath = CallbackPath;
            o.SignedOutCallbackPath = SignedOutCallbackPath;
            o.SignedOutRedirectUri = ConsoleSession.PathPrefix + "/sign-in";

            // The provider sends the browser back with a top-level GET, which carries Lax cookies: the correlation and
            // nonce cookies need not be SameSite=None (and so need not be Secure on a plain-HTTP development host).
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }

            o.Events.OnTokenValidated = context => MapStaffAsync(context, provider);
            o.Events.OnRemoteFailure = Failed;
        });

    /// <summary>Replaces the provider's claims with the staff member's, or refuses a token naming no member of staff.</summary>
    private static async Task MapStaffAsync(TokenValidatedContext context, ConsoleProvider provider)
    {
        var staffId = context.Principal?.FindFirst(provider.StaffClaim)?.Value;
        var directory = context.HttpContext.RequestServices.GetRequiredService<OrganisationDirectory>();
        var (organisation, _) = await directory.CurrentAsync(context.HttpContext.RequestAborted);
        if (staffId is null || ConsoleSession.ForStaff(organisation, staffId) is not { } principal)
        {
            // The claim's value is not logged: a provider may put an e-mail address or a name there.
            Log.UnknownStaff(Logger(context.HttpContext), provider.StaffClaim);
            context.Response.Redirect(RefusedPath + "?reason=staff");
            context.HandleResponse();
            return;
        }

        context.Principal = principal;
    }

    /// <summary>A sign-in the provider refused or that could not be completed: the refusal page, not a 500.</summary>
    private static Task Failed(RemoteFailureContext context)
    {
        Log.Failed(Logger(context.HttpContext), context.Failure?.Message ?? "unknown");
        context.Response.Redirect(RefusedPath + "?reason=failed");
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleProviderSignIn).FullName!);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "A console sign-in through the OpenID Connect provider was refused: its {Claim} claim names no registered member of staff.")]
        public static partial void UnknownStaff(ILogger logger, string claim);

        [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "A console sign-in through the OpenID Connect provider did not complete: {Reason}")]
        public static partial void Failed(ILogger logger, string reason);
    }
}
