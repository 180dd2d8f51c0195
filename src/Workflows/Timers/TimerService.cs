using Affairs.Workflows.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Timers;

/// <summary>The hosted scheduler: every <see cref="AffairsOptions.TimerInterval"/>, fires the timers that are due.</summary>
public sealed partial class TimerService(TimerScheduler scheduler, AffairsOptions options, TimeProvider time, ILogger<TimerService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var run = await scheduler.FireDueAsync(stoppingToken).ConfigureAwait(false);
                if (run.Due.Count > 0)
                {
                    LogRun(run.Due.Count, run.Fired.Count, run.Settled.Count);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // One bad pass must not stop the scheduler: the next pass retries, and keys keep retries harmless.
                LogFailed(failure);
            }

            await Task.Delay(options.TimerInterval, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timers: {Due} due, {Fired} fired, {Settled} settled")]
    private partial void LogRun(int due, int fired, int settled);

    [LoggerMessage(Level = LogLevel.Error, Message = "A timer pass failed; the next pass retries")]
    private partial void LogFailed(Exception failure);
}
