using Affairs.Host.Endpoints;
using Affairs.Host.Feed;
using Affairs.Host.Observability;
using Affairs.Host.OpenApi;
using Affairs.Host.Privacy;
using Affairs.Host.Problems;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Host.Seeding;
using Affairs.Host.WebConsole;
using Scalar.AspNetCore;

namespace Affairs.Host.Hosting;

/// <summary>The web application: the engine, security, problems, the API, OpenAPI and its browsable UI, and the console.</summary>
internal static class AffairsApplication
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(string[] args, bool seed = false)
    {
        // Configuration is read once at start: watching the content root for appsettings changes would also wake on
        // every write of the store's files beneath it (./data), a cost on every command for a feature nobody uses.
        var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);
        ShippedSettings.AddFirst(builder.Configuration);
        if (seed)
        {
            builder.Configuration["Affairs:Seed"] = "always";
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var limit = builder.Configuration.GetValue("Affairs:MaxRequestBodyBytes", RequestSizeLimit.DefaultBytes);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limit);
        var storeDescription = builder.Services.AddEventStore(builder.Configuration);
        builder.Services.AddReadModels();
        builder.Services.AddAffairsEngine(builder.Configuration);
        builder.Services.AddAffairsAuthentication(builder.Configuration);
        builder.Services.AddAffairsTelemetry(builder.Configuration);
        builder.Services.AddSingleton<DemoSeed>();
        builder.Services.AddSingleton<CaseTypeIndex>();
        builder.Services.AddSingleton<FeedTranslator>();
        builder.Services.AddSingleton<FeedReader>();
        builder.Services.AddExceptionHandler<ExceptionProblemHandler>();
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            c.ProblemDetails.Extensions.TryAdd("code", ProblemCodes.ForStatus(c.ProblemDetails.Status ?? c.HttpContext.Response.StatusCode));
            c.ProblemDetails.Extensions["correlationId"] = Correlation.Of(c.HttpContext);
            c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o => PersonalDataJson.Configure(o.SerializerOptions));
        builder.Services.AddAffairsOpenApi();
        builder.Services.AddAffairsConsole();
        builder.Services.AddAffairsKeyRing(builder.Configuration);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<Correlation>();
        app.UseMiddleware<LogPositions>();
        app.UseMiddleware<RequestSizeLimit>(limit);
        app.UseAffairsConsole();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Affairs API")).AllowAnonymous();
        app.MapAffairsApi();
        app.MapAffairsConsole();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, storeDescription));
        return app;
    }
}
