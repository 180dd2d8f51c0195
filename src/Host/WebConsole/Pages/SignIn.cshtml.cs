using Affairs.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// Signs a person in: with an API key, into a cookie session with the key's claims, and where configured through the
/// centre's OpenID Connect provider (<see cref="ConsoleProviderSignIn"/>).
/// </summary>
[AllowAnonymous]
public sealed class SignInModel : ConsolePage
{
    /// <summary>Where to go once signed in.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The provider's name for its sign-in button, or null when none is configured.</summary>
    public string? Provider => Ways.Provider?.DisplayName;

    /// <summary>Whether the page takes an API key.</summary>
    public bool ApiKeys => Ways.ApiKeys;

    private ConsoleSignIn Ways => HttpContext.RequestServices.GetRequiredService<ConsoleSignIn>();

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the key with the API's key index and starts the session.</summary>
    public async Task<IActionResult> OnPostAsync(string? key)
    {
        if (!ApiKeys)
        {
            return Refused(StatusCodes.Status403Forbidden, "auth.api-key-sign-in-off", Texts["Signing in with an API key is turned off here."]);
        }

        var keys = HttpContext.RequestServices.GetRequiredService<ApiKeyIndex>();
        if (ConsoleSession.For(keys, key?.Trim() ?? string.Empty) is not { } principal)
        {
            return Refused(StatusCodes.Status401Unauthorized, "auth.unauthenticated", Texts["This key is unknown, revoked or expired."]);
        }

        await HttpContext.SignInAsync(ConsoleSession.SchemeName, principal);
        return LocalRedirect(ConsoleRedirect.Local(ReturnUrl));
    }

    /// <summary>Sends the browser to the provider; it comes back to the console's callback with a code.</summary>
    public IActionResult OnPostProvider() =>
        Provider is null
            ? NotFound()
            : Challenge(new AuthenticationProperties { RedirectUri = ConsoleRedirect.Local(ReturnUrl) }, ConsoleProviderSignIn.SchemeName);
}
