using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Affairs.Host.Observability;

/// <summary>
/// OpenTelemetry metrics and traces from the engine's meter and activity source <c>Affairs</c> (commands, conflicts)
/// and, when <c>OpenTelemetry:OtlpEndpoint</c> is set, from ASP.NET Core and exported there. Without an endpoint nothing
/// leaves the process and no request pays for an activity or a histogram that nobody reads.
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
                metrics.AddMeter(Source);
                if (!string.IsNullOrEmpty(otlp))
                {
                    metrics.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(Source);
                if (!string.IsNullOrEmpty(otlp))
                {
                    tracing.AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                        .AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
                }
            });
        return services;
    }
}
