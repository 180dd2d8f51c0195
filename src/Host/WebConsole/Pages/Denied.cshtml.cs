using Microsoft.AspNetCore.Authorization;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>Where the cookie scheme sends a role to a page its policy does not admit; answered with 403.</summary>
[AllowAnonymous]
public sealed class DeniedModel : ConsolePage
{
    /// <summary>Answers 403 with the page.</summary>
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
