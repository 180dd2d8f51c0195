using Affairs.EventStore;

namespace Affairs.Stores.Postgres;

/// <summary>The scheduler lease of the PostgreSQL store: a session advisory lock (see <see cref="PostgresSchedulerLease"/>).</summary>
public sealed partial class PostgresEventStore : ISchedulerLeaseSource
{
    /// <inheritdoc />
    public ISchedulerLease OpenSchedulerLease(string holderId, TimeSpan duration) => new PostgresSchedulerLease(_options.ConnectionString, _options.Schema, holderId);
}
