using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>Ends the session, and the provider's too where configured for a session opened there.</summary>
[AllowAnonymous]
public sealed class SignOutModel : ConsolePage
{
    /// <summary>Nothing to show: back to the console.</summary>
    public IActionResult OnGet() => Redirect(ConsoleSession.PathPrefix);

    /// <summary>Ends the session.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var signedOut = new AuthenticationProperties { RedirectUri = ConsoleSession.PathPrefix + "/sign-in" };
        if (ConsoleSession.ThroughProvider(User) && HttpContext.RequestServices.GetRequiredService<ConsoleSignIn>().Provider is { SignOutAtProvider: true })
        {
            // The cookie first, then the provider: its handler reads the ID token from the request's cookie for the hint.
            return SignOut(signedOut, ConsoleSession.SchemeName, ConsoleProviderSignIn.SchemeName);
        }

        await HttpContext.SignOutAsync(ConsoleSession.SchemeName);
        return Redirect(signedOut.RedirectUri);
    }
}
