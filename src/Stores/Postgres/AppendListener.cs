using Affairs.EventStore;
using Npgsql;

namespace Affairs.Stores.Postgres;

/// <summary>
/// One LISTEN connection per store, started by the first subscription: every NOTIFY that <c>append_batch</c> sends
/// at commit pulses the <see cref="AppendSignal"/>. If the connection drops (server restart, a terminated backend,
/// a network fault) it pulses too (a notification may have been lost, so subscriptions look again) and reconnects,
/// waiting 0.1 s after the first failure and twice as long after each further one, up to 5 s.
/// </summary>
/// <remarks>
/// The connection has a pool of its own and names itself with <see cref="ApplicationNameFor"/>, so that an operator
/// can find it in <c>pg_stat_activity</c>.
/// </remarks>
internal sealed class AppendListener : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _channel;
    private readonly AppendSignal _signal;
    private Task? _loop;

    public AppendListener(string connectionString, string schema, string channel, AppendSignal signal)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationNameFor(schema), MaxPoolSize = 1 };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _channel = channel;
        _signal = signal;
    }

    /// <summary>The <c>application_name</c> of the LISTEN connection of the store in <paramref name="schema"/>.</summary>
    public static string ApplicationNameFor(string schema) => "affairs-listen-" + schema;

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
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stop).ConfigureAwait(false);
                connection.Notification += (_, _) => _signal.Pulse();
                await using (var listen = new NpgsqlCommand($"LISTEN \"{_channel}\"", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                }

                failures = 0;

                // Anything committed before LISTEN took effect is found by the subscriptions' next read.
                _signal.Pulse();
                while (true)
                {
                    await connection.WaitAsync(stop).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (PostgresFaults.IsDriverFault(exception))
            {
                _signal.Pulse();
                failures++;
                await Task.Delay(RetryBackoff.After(failures, FirstRetryDelay, MaxRetryDelay), stop)
                    .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
