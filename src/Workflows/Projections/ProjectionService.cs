using Affairs.EventStore;
using Affairs.Workflows.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Projections;

/// <summary>
/// The hosted projection runner: catches up from the log, then follows the subscription; measures the lag periodically.
/// When the store cannot be reached it waits (1 s, doubling to 30 s) and resubscribes from the checkpoint, warning once
/// per outage rather than at every attempt; any other failure is an error, and it resubscribes after a second.
/// </summary>
public sealed partial class ProjectionService(ProjectionEngine projections, TimeProvider time, ILogger<ProjectionService> logger) : BackgroundService
{
    private static readonly TimeSpan LagProbe = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var probe = ProbeLagAsync(stoppingToken);

        // The checkpoint stays with the board, so resubscribing resumes where it stopped.
        await StoreOutage.ResubscribeAsync(time, projections.RunAsync, LogUnavailable, LogStillUnavailable, LogFailed, stoppingToken).ConfigureAwait(false);

        await probe.ConfigureAwait(false);
    }

    private async Task ProbeLagAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await projections.StatusAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (EventStoreUnavailableException)
                {
                    // The subscription's retries report the outage; the probe tries again at its next tick.
                }

                await Task.Delay(LagProbe, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The projection subscription failed; resubscribing from the checkpoint")]
    private partial void LogFailed(Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event store cannot be reached ({Reason}); projections wait and resume from their checkpoint")]
    private partial void LogUnavailable(string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The event store still cannot be reached after {Attempts} attempts; next in {Seconds} s")]
    private partial void LogStillUnavailable(int attempts, double seconds);
}
