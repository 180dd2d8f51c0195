using Affairs.Host.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Affairs.Host.Security;

/// <summary>Answers 401 and 403 with problem+json and a stable code, like every other refusal.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
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
}
