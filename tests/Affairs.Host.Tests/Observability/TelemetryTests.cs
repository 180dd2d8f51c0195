using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Affairs.Host.Tests.Observability;

[Collection(HostCollection.Name)]
public sealed class TelemetryTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_request_is_traced_from_http_into_the_engine_with_its_correlation_id()
    {
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Affairs" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (activities) { activities.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        Assert.NotNull(host.Services.GetService<MeterProvider>());
        Assert.NotNull(host.Services.GetService<TracerProvider>());

        await _centre.NewResident();

        lock (activities)
        {
            Assert.Contains(activities, a => a.Source.Name == "Affairs");
            Assert.Contains(activities, a => a.Source.Name == "Microsoft.AspNetCore" && a.GetTagItem("affairs.correlation_id") is string);
        }
    }
}
