using Affairs.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>Signs a person in with an API key, into a cookie session with the key's claims.</summary>
[AllowAnonymous]
public sealed class SignInModel : ConsolePage
{
    /// <summary>Where to go once signed in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the key with the API's key index and starts the session.</summary>
    public async Task<IActionResult> OnPostAsync(string? key)
    {
        var keys = HttpContext.RequestServices.GetRequiredService<ApiKeyIndex>();
        if (ConsoleSession.For(keys, key?.Trim() ?? string.Empty) is not { } principal)
        {
            return Refused(StatusCodes.Status401Unauthorized, "auth.unauthenticated", Texts["This key is unknown, revoked or expired."]);
        }

        await HttpContext.SignInAsync(ConsoleSession.SchemeName, principal);
        return LocalRedirect(ConsoleRedirect.Local(ReturnUrl));
    }
}
