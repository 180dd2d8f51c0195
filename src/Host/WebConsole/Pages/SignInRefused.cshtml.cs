using Affairs.Host.Problems;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// Where a sign-in through the OpenID Connect provider ends when the console will not start a session: the token names
/// no member of staff of this centre (403), or the provider refused or the exchange failed (401).
/// </summary>
[AllowAnonymous]
public sealed class SignInRefusedModel : ConsolePage
{
    /// <summary>Says why, as a refusal with its code.</summary>
    public IActionResult OnGet(string? reason)
    {
        var provider = HttpContext.RequestServices.GetRequiredService<ConsoleSignIn>().Provider?.DisplayName ?? string.Empty;
        return reason == "staff"
            ? Refused(StatusCodes.Status403Forbidden, "auth.unknown-staff",
                Texts["Your account at {0} is not linked to a member of staff of this centre, so the console cannot sign you in. Ask an administrator to register you.", provider])
            : Refused(StatusCodes.Status401Unauthorized, ProblemCodes.Unauthenticated, Texts["The sign-in at {0} did not complete. Try again.", provider]);
    }
}
