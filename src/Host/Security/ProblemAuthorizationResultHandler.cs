using Affairs.Host.Problems;
using Affairs.Host.WebConsole;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Primitives;

namespace Affairs.Host.Security;

/// <summary>
/// Answers 401 and 403 with problem+json and a stable code, like every other refusal; a 401 names the schemes to
/// authenticate with in <c>WWW-Authenticate</c> (RFC 9110 §11.6.1).
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The protection space named in every challenge.</summary>
    public const string Realm = "affairs";

    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (ConsoleSession.Serves(context.Request))
        {
            // People, not clients: the console's cookie scheme sends them to sign in, or to its own refusal page.
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            context.Response.Headers.WWWAuthenticate = await ChallengesAsync(context);
            await ApiProblems.Create(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthenticated,
                "Authentication required", $"Send an API key in the {ApiKeyAuthenticationHandler.Header} header, or a bearer token where configured.").ExecuteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            await ApiProblems.Create(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden,
                "Forbidden", "Your role or scopes do not allow this request.").ExecuteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    /// <summary>One challenge per scheme the host accepts: the API key always, a bearer token where one is configured.</summary>
    private static async Task<StringValues> ChallengesAsync(HttpContext context)
    {
        var schemes = context.RequestServices.GetRequiredService<IAuthenticationSchemeProvider>();
        var apiKey = $"{ApiKeyAuthenticationHandler.SchemeName} realm=\"{Realm}\", header=\"{ApiKeyAuthenticationHandler.Header}\"";
        return await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme) is null
            ? new StringValues(apiKey)
            : new StringValues([apiKey, $"Bearer realm=\"{Realm}\""]);
    }
}
