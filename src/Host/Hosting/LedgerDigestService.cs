using Affairs.Domain.Staffing;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Ledger;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Host.Hosting;

/// <summary>
/// Records the ledger digest in the log as the system actor whenever it is due (<see cref="LedgerDigestSettings"/>), so
/// that a later check finds events deleted or rewritten after they were covered, even without a copy kept outside.
/// </summary>
internal sealed partial class LedgerDigestService(
    IMediator mediator,
    LedgerDigestSettings settings,
    IIdSource ids,
    TimeProvider time,
    ILogger<LedgerDigestService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var context = new CommandContext(Actor.System, "ledger-" + ids.NewId().ToString("N"), "ledger-digest");
                var recorded = await mediator.Send(new RecordLedgerDigest(settings.EveryEvents, settings.Interval, context), stoppingToken);
                if (recorded.Count > 0)
                {
                    LogRecorded(recorded.Count, recorded[^1].Events, recorded[^1].LastPosition);
                }
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                // A conflict with another host recording at once, or a store away for a moment: the next pass tries again.
                LogFailed(failure);
            }

            await Task.Delay(settings.CheckInterval, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ledger digest recorded {Count} time(s): {Events} events through position {LastPosition}")]
    private partial void LogRecorded(int count, long events, long lastPosition);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the ledger digest failed; the next pass retries")]
    private partial void LogFailed(Exception failure);
}
