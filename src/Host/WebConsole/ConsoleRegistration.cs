using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Extensions.FileProviders;

namespace Affairs.Host.WebConsole;

/// <summary>The web console at <c>/console</c>: Razor Pages rendered on the server, its own files, its languages.</summary>
internal static class ConsoleRegistration
{
    /// <summary>Chinese first (the staff are Chinese), English on request.</summary>
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddAffairsConsole(this IServiceCollection services)
    {
        services.AddLocalization();
        services.AddRazorPages(o => o.RootDirectory = "/WebConsole/Pages").AddViewLocalization();

        // Chinese is written as it is, not as character references: pages stay half the size and readable at the source.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "affairs.console.notice";
            o.Cookie.Path = ConsoleSession.PathPrefix;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "affairs.console.af";
            o.Cookie.Path = ConsoleSession.PathPrefix;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
        });
        return services;
    }

    /// <summary>Headers, files and languages for the console's paths only; the API keeps its invariant answers.</summary>
    public static WebApplication UseAffairsConsole(this WebApplication app)
    {
        app.UseMiddleware<ConsoleHeaders>();
        app.UseWhen(c => ConsoleSession.Serves(c.Request), console =>
        {
            console.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new EmbeddedFileProvider(typeof(ConsoleRegistration).Assembly, "Affairs.Host.WebConsole.Assets"),
                RequestPath = ConsoleSession.PathPrefix + "/assets",
            });
            var localization = new RequestLocalizationOptions
            {
                DefaultRequestCulture = new RequestCulture(Cultures[0]),
                SupportedCultures = Cultures,
                SupportedUICultures = Cultures,
            };
            localization.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider { CookieName = CultureCookie }];
            console.UseRequestLocalization(localization);
        });
        return app;
    }

    public static void MapAffairsConsole(this WebApplication app) => app.MapRazorPages();

    /// <summary>The cookie the language switch writes.</summary>
    public const string CultureCookie = "affairs.console.lang";
}
