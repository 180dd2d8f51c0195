using Affairs.EventStore;
using Npgsql;

namespace Affairs.Stores.Postgres;

/// <summary>
/// The scheduler lease on PostgreSQL: a session advisory lock on a key derived from the schema, taken with
/// <c>pg_try_advisory_lock</c> on a connection of its own and held as long as that session lives. Nothing is written.
/// When the holder's process dies, its session ends and the server frees the lock; when its machine or network dies,
/// the server's keepalive probes on the session (set to notice within about 11 s) end it. A holder that loses its
/// connection (a terminated backend, a server restart) has lost the lock with it: renewing finds that out and answers
/// not held, and a later attempt opens a new session and tries again.
/// </summary>
/// <remarks>
/// The session names itself <c>affairs-scheduler:{holder}</c> (<c>application_name</c>), so that an operator sees the
/// holder in <c>pg_stat_activity</c>, and other hosts read it from there to say who holds the lease.
/// </remarks>
internal sealed class PostgresSchedulerLease : ISchedulerLease
{
    /// <summary>The prefix of the lease session's <c>application_name</c>.</summary>
    public const string ApplicationNamePrefix = "affairs-scheduler:";

    /// <summary>The first key of the two-key advisory lock; the second is the hash of the schema name (as for migrations, with another first key).</summary>
    public const int LockClass = 0x41666673;

    private const int MaxApplicationName = 63;
    private readonly string _connectionString;
    private readonly string _schema;
    private NpgsqlConnection? _session;
    private bool _held;

    public PostgresSchedulerLease(string connectionString, string schema, string holderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        PostgresSchema.Validate(schema);
        HolderId = holderId;
        _schema = schema;
        var name = ApplicationNamePrefix + holderId;
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Its own physical session: closing it must end the session (and the lock), not return it to a pool.
            Pooling = false,
            ApplicationName = name.Length > MaxApplicationName ? name[..MaxApplicationName] : name,
            Timeout = 5,
            CommandTimeout = 5,
        }.ConnectionString;
    }

    public string HolderId { get; }

    public async Task<LeaseState> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        if (_held)
        {
            return await RenewAsync(cancellationToken).ConfigureAwait(false);
        }

        return await OnSessionAsync(
            async session =>
            {
                _held = await ScalarAsync<bool>(session, $"SELECT pg_try_advisory_lock({LockClass}, hashtext('{_schema}'))", cancellationToken).ConfigureAwait(false);
                return _held ? new LeaseState(true, HolderId) : new LeaseState(false, await HolderAsync(session, cancellationToken).ConfigureAwait(false));
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<LeaseState> RenewAsync(CancellationToken cancellationToken = default)
    {
        if (!_held || _session is null)
        {
            return new LeaseState(false, null);
        }

        return await OnSessionAsync(
            async session =>
            {
                // The lock lives exactly as long as the session: a session that still answers still holds it.
                _held = await ScalarAsync<bool>(session, $"SELECT count(*) = 1 FROM pg_locks WHERE {LockFilter} AND pid = pg_backend_pid()", cancellationToken).ConfigureAwait(false);
                return new LeaseState(_held, _held ? HolderId : null);
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        var held = _held;
        _held = false;
        try
        {
            if (held && _session is { State: System.Data.ConnectionState.Open } session)
            {
                // Unlocked before the session closes: the server ends a closed session's backend (and frees its locks) a
                // moment after the client has gone, so a host that takes the lease right after a release could still find it held.
                await ScalarAsync<bool>(session, $"SELECT pg_advisory_unlock({LockClass}, hashtext('{_schema}'))", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception fault) when (PostgresFaults.IsDriverFault(fault))
        {
            // A broken session has lost the lock with it; closing it is all that is left.
        }
        finally
        {
            // Closed even when the unlock was cancelled: the lock ends with the session either way.
            await CloseAsync().ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _held = false;
        return CloseAsync();
    }

    private string LockFilter => LockFilterFor(_schema);

    /// <summary>The condition on <c>pg_locks</c> that finds the granted lease lock of the store in <paramref name="schema"/>.</summary>
    public static string LockFilterFor(string schema) =>
        $"locktype = 'advisory' AND granted AND classid = {LockClass} AND objid = hashtext('{PostgresSchema.Validate(schema)}')::oid AND objsubid = 2";

    /// <summary>Runs <paramref name="work"/> on the lease session, opening it first if needed; a fault of the connection loses the lease and closes the session.</summary>
    private async Task<LeaseState> OnSessionAsync(Func<NpgsqlConnection, Task<LeaseState>> work, CancellationToken cancellationToken)
    {
        try
        {
            return await work(await SessionAsync(cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (Exception fault) when (PostgresFaults.IsDriverFault(fault))
        {
            _held = false;
            await CloseAsync().ConfigureAwait(false);
            return new LeaseState(false, null);
        }
    }

    private async Task<NpgsqlConnection> SessionAsync(CancellationToken cancellationToken)
    {
        if (_session is { State: System.Data.ConnectionState.Open } open)
        {
            return open;
        }

        await CloseAsync().ConfigureAwait(false);
        var session = new NpgsqlConnection(_connectionString);
        try
        {
            await session.OpenAsync(cancellationToken).ConfigureAwait(false);

            // The server notices a dead client machine by keepalive probes: idle 5 s, then 3 probes 2 s apart.
            await using var keepalive = new NpgsqlCommand("SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 3", session);
            await keepalive.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _session = session;
        return session;
    }

    private async Task<string?> HolderAsync(NpgsqlConnection session, CancellationToken cancellationToken)
    {
        var name = await ScalarAsync<string?>(
            session,
            $"SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE {LockFilter.Replace("locktype", "l.locktype", StringComparison.Ordinal)} LIMIT 1",
            cancellationToken).ConfigureAwait(false);
        return name is not null && name.StartsWith(ApplicationNamePrefix, StringComparison.Ordinal) ? name[ApplicationNamePrefix.Length..] : name;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection session, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, session);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull or null ? default! : (T)value;
    }

    private async ValueTask CloseAsync()
    {
        var session = _session;
        _session = null;
        if (session is not null)
        {
            // Closing a session frees its advisory locks; a connection already broken just goes.
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }
}
