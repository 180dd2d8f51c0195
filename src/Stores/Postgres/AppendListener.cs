using Npgsql;

namespace Affairs.Stores.Postgres;

/// <summary>
/// One LISTEN connection per store, started by the first subscription: every NOTIFY that <c>append_batch</c> sends
/// at commit pulses the <see cref="AppendSignal"/>. If the connection drops it pulses too (a notification may have
/// been lost, so subscriptions look again) and reconnects after a pause.
/// </summary>
internal sealed class AppendListener(NpgsqlDataSource dataSource, string channel, AppendSignal signal, TimeSpan retryDelay) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;

    public void EnsureStarted()
    {
        if (Volatile.Read(ref _loop) is not null)
        {
            return;
        }

        lock (_gate)
        {
            _loop ??= Task.Run(() => ListenAsync(_stop.Token));
        }
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                connection.Notification += (_, _) => signal.Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN \"{channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }

                // Anything committed before LISTEN took effect is found by the subscriptions' next read.
                signal.Pulse();
                while (true)
                {
                    await connection.WaitAsync(stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException)
            {
                signal.Pulse();
                await Task.Delay(retryDelay, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
    }
}
