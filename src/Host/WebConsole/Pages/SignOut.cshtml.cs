using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>Ends the session.</summary>
[AllowAnonymous]
public sealed class SignOutModel : ConsolePage
{
    /// <summary>Nothing to show: back to the console.</summary>
    public IActionResult OnGet() => Redirect(ConsoleSession.PathPrefix);

    /// <summary>Ends the session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleSession.SchemeName);
        return Redirect(ConsoleSession.PathPrefix + "/sign-in");
    }
}
