using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Affairs.Workflows.Pipeline;

/// <summary>The engine's meter and activity source ("Affairs"): commands, rejections, conflicts, durations.</summary>
public sealed class AffairsMetrics : IDisposable
{
    /// <summary>The name of the meter and of the activity source, for OpenTelemetry registration.</summary>
    public const string Name = "Affairs";

    private readonly Meter _meter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on a meter of its own where the host has no factory.</summary>
    public AffairsMetrics(IMeterFactory? meterFactory)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Commands = _meter.CreateCounter<long>("affairs.commands", "{command}", "Commands handled, by type and outcome.");
        Conflicts = _meter.CreateCounter<long>("affairs.conflicts", "{conflict}", "Commands refused because the stream changed meanwhile.");
        Duration = _meter.CreateHistogram<double>("affairs.command.duration", "ms", "Time to handle a command.");
    }

    /// <summary>Traces of command handling.</summary>
    public static ActivitySource Activities { get; } = new(Name);

    /// <summary>Commands handled, tagged with type and outcome.</summary>
    public Counter<long> Commands { get; }

    /// <summary>Revision conflicts returned to callers.</summary>
    public Counter<long> Conflicts { get; }

    /// <summary>Command durations.</summary>
    public Histogram<double> Duration { get; }

    /// <summary>
    /// Publishes the projections' lag as gauge <c>affairs.projection.lag</c>: the age in seconds of the oldest committed
    /// event the read models have not applied yet, read from <paramref name="lagSeconds"/> at each collection.
    /// </summary>
    public void ObserveProjectionLag(Func<double> lagSeconds) =>
        _meter.CreateObservableGauge("affairs.projection.lag", lagSeconds, "s", "Age of the oldest event the read models have not applied yet.");

    /// <summary>
    /// Publishes gauge <c>affairs.scheduler.lease</c>: 1 while this host holds the timer scheduler lease, 0 while it stands
    /// by, tagged with the host's <c>holder</c> id, so that the hosts of a deployment show which one fires the timers.
    /// </summary>
    public void ObserveSchedulerLease(Func<int> held, string holder) =>
        _meter.CreateObservableGauge("affairs.scheduler.lease", () => new Measurement<int>(held(), new KeyValuePair<string, object?>("holder", holder)), "{lease}", "Whether this host holds the timer scheduler lease.");

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
