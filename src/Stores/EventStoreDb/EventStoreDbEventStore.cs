using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Connection;

namespace Affairs.Stores.EventStoreDb;

/// <summary>
/// The event store on an EventStoreDB node or cluster, spoken to through its public gRPC Streams protocol (<c>Append</c>
/// and <c>Read</c>, which also carries catch-up subscriptions). Revisions, expected revisions and stream-not-found map one
/// to one; the port's single global position is the event's transaction-log offset + 1 (see the README); categories are
/// stream-name prefixes filtered on the server over <c>$all</c>, so no system projection needs to run.
/// </summary>
/// <remarks>
/// Nothing connects until the first call. One instance serves the whole process: it multiplexes calls over HTTP/2.
/// A cluster (<c>esdb+discover://</c>) is found through its gossip; calls go to the leader and follow it when it changes.
/// A node or cluster that cannot be reached surfaces as <see cref="EventStoreUnavailableException"/>; cancellation as
/// <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed partial class EventStoreDbEventStore : IEventStore, IDisposable
{
    private readonly ConnectionSettings _settings;
    private readonly NodeRouter _router;

    private EventStoreDbEventStore(ConnectionSettings settings)
    {
        _settings = settings;
        _router = new NodeRouter(settings);
    }

    /// <summary>The gRPC address of the node in use (before the first call, the first node the URL names), without credentials.</summary>
    public Uri Address => _router.Address;

    /// <summary>Creates the store for <see cref="EventStoreDbOptions.ConnectionString"/>; it connects on first use.</summary>
    /// <exception cref="ArgumentException">The connection string is missing or not one this adapter supports.</exception>
    public static EventStoreDbEventStore Create(EventStoreDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EventStoreDbEventStore(ConnectionSettings.Parse(options.ConnectionString));
    }

    /// <summary>Closes the connections; running reads and subscriptions end with an error.</summary>
    public void Dispose() => _router.Dispose();
}
