using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Projections;

/// <summary>The hosted projection runner: catches up from the log, then follows the subscription; measures the lag periodically.</summary>
public sealed partial class ProjectionService(ProjectionEngine projections, TimeProvider time, ILogger<ProjectionService> logger) : BackgroundService
{
    private static readonly TimeSpan LagProbe = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var probe = ProbeLagAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await projections.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // The checkpoint stays with the board, so resubscribing resumes where it stopped.
                LogFailed(failure);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(false);
            }
        }

        await probe.ConfigureAwait(false);
    }

    private async Task ProbeLagAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await projections.StatusAsync(stoppingToken).ConfigureAwait(false);
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
}
