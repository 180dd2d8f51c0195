using Affairs.EventStore;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Timers;

/// <summary>
/// The hosted scheduler. Every <see cref="AffairsOptions.SchedulerLeaseRenewal"/> it renews the scheduler lease or,
/// standing by, tries to take it; while this host holds it, it fires the timers that are due every
/// <see cref="AffairsOptions.TimerInterval"/>, starting as soon as it takes the lease. A pass under way when the lease is
/// lost is cancelled; one running on, or sent again by the next holder, is harmless, since each timer's key is its
/// command's idempotency key. On stopping it releases the lease, so that another host takes over at once.
/// </summary>
public sealed partial class TimerService(
    TimerScheduler scheduler,
    ISchedulerLease lease,
    AffairsOptions options,
    TimeProvider time,
    AffairsMetrics metrics,
    ILogger<TimerService> logger) : BackgroundService
{
    private LeaseState _state = new(false, null);
    private bool _unreachable;

    /// <summary>What this host last knew of the lease: whether it holds it, and who does.</summary>
    public LeaseState Lease => Volatile.Read(ref _state);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveSchedulerLease(() => Lease.Held ? 1 : 0, lease.HolderId);
        CancellationTokenSource? tenure = null;
        var pass = Task.CompletedTask;
        var nextPass = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var held = await KeepLeaseAsync(stoppingToken).ConfigureAwait(false);
                if (held && tenure is null)
                {
                    tenure = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    nextPass = time.GetUtcNow();
                }
                else if (!held && tenure is not null)
                {
                    await tenure.CancelAsync().ConfigureAwait(false);
                    await pass.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    tenure.Dispose();
                    tenure = null;
                }

                if (tenure is not null && pass.IsCompleted && time.GetUtcNow() >= nextPass)
                {
                    pass = FireAsync(tenure.Token);
                    nextPass = time.GetUtcNow() + options.TimerInterval;
                }

                await Task.Delay(options.SchedulerLeaseRenewal, time, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await pass.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            tenure?.Dispose();
            await ReleaseAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Takes or renews the lease; says so in the log whenever who holds it changes.</summary>
    private async Task<bool> KeepLeaseAsync(CancellationToken stoppingToken)
    {
        var before = Lease;
        LeaseState now;
        try
        {
            now = before.Held
                ? await lease.RenewAsync(stoppingToken).ConfigureAwait(false)
                : await lease.TryAcquireAsync(stoppingToken).ConfigureAwait(false);
            _unreachable = false;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // Without an answer this host cannot know that it still holds the lease: it stops firing until it knows.
            // One warning per outage: the attempts every few seconds until it ends would say nothing new.
            if (!_unreachable)
            {
                LogLeaseUnknown(lease.HolderId, failure);
            }

            _unreachable = true;
            now = new LeaseState(false, null);
        }

        Volatile.Write(ref _state, now);
        if (now.Held && !before.Held)
        {
            LogLeaseTaken(lease.HolderId);
        }
        else if (before.Held && !now.Held)
        {
            LogLeaseLost(lease.HolderId);
        }
        else if (!now.Held && now.Holder is { } other && other != before.Holder)
        {
            LogStandingBy(other, lease.HolderId);
        }

        return now.Held;
    }

    private async Task FireAsync(CancellationToken tenure)
    {
        try
        {
            var run = await scheduler.FireDueAsync(tenure).ConfigureAwait(false);
            if (run.Due.Count > 0)
            {
                LogRun(run.Due.Count, run.Fired.Count, run.Settled.Count);
            }
            else
            {
                LogNoneDue();
            }
        }
        catch (OperationCanceledException) when (tenure.IsCancellationRequested)
        {
            // The lease was lost or the host is stopping: the holder's next pass sends what this one did not.
        }
        catch (Exception failure)
        {
            // One bad pass must not stop the scheduler: the next pass retries, and keys keep retries harmless.
            LogFailed(failure);
        }
    }

    private async Task ReleaseAsync()
    {
        if (!Lease.Held)
        {
            return;
        }

        Volatile.Write(ref _state, new LeaseState(false, null));
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await lease.ReleaseAsync(bound.Token).ConfigureAwait(false);
            LogLeaseReleased(lease.HolderId);
        }
        catch (Exception failure)
        {
            // Not released, the lease expires instead: another host takes over a little later.
            LogLeaseUnknown(lease.HolderId, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timers: {Due} due, {Fired} fired, {Settled} settled")]
    private partial void LogRun(int due, int fired, int settled);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timers: none due")]
    private partial void LogNoneDue();

    [LoggerMessage(Level = LogLevel.Error, Message = "A timer pass failed; the next pass retries")]
    private partial void LogFailed(Exception failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "This host ({Holder}) holds the timer scheduler lease: it fires the timers")]
    private partial void LogLeaseTaken(string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This host ({Holder}) lost the timer scheduler lease: it stops firing timers until it takes the lease again")]
    private partial void LogLeaseLost(string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "The timer scheduler lease is held by {Other}; this host ({Holder}) stands by")]
    private partial void LogStandingBy(string other, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "This host ({Holder}) released the timer scheduler lease")]
    private partial void LogLeaseReleased(string holder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This host ({Holder}) could not reach the timer scheduler lease; it fires no timers until it can")]
    private partial void LogLeaseUnknown(string holder, Exception failure);
}
