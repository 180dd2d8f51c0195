using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>Switches the console's language, kept in a cookie for a year.</summary>
[AllowAnonymous]
public sealed class CultureModel : ConsolePage
{
    /// <summary>Nothing to show: back to the console.</summary>
    public IActionResult OnGet() => Redirect(ConsoleSession.PathPrefix);

    /// <summary>Keeps the chosen language and returns to the page it was chosen on.</summary>
    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        var chosen = ConsoleRegistration.Cultures.FirstOrDefault(c => c.Name == culture) ?? ConsoleRegistration.Cultures[0];
        Response.Cookies.Append(
            ConsoleRegistration.CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Path = ConsoleSession.PathPrefix, MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
        return LocalRedirect(ConsoleRedirect.Local(returnUrl));
    }
}
