using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Affairs.Host.Observability;

/// <summary>
/// OpenTelemetry metrics and traces from the engine's meter and activity source <c>Affairs</c> (commands, conflicts)
/// and from ASP.NET Core. Nothing leaves the process unless <c>OpenTelemetry:OtlpEndpoint</c> is set.
/// </summary>
internal static class TelemetryRegistration
{
    public const string Source = "Affairs";

    public static IServiceCollection AddAffairsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var otlp = configuration["OpenTelemetry:OtlpEndpoint"];
        services.AddOpenTelemetry()
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Source).AddAspNetCoreInstrumentation();
                if (!string.IsNullOrEmpty(otlp))
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(Source).AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"));
                if (!string.IsNullOrEmpty(otlp))
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        return services;
    }
}
