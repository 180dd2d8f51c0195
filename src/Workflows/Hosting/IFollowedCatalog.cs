using Affairs.EventStore;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// Something a host keeps in memory from streams that every host may write (published affair types, policies,
/// calendars, the organisation, API keys). <see cref="CatalogFollower"/> hands it every event of its category, whichever
/// host appended it, so a publication on one host is served by all of them.
/// </summary>
public interface IFollowedCatalog
{
    /// <summary>The stream category it is kept from.</summary>
    string Category { get; }

    /// <summary>
    /// Takes in <paramref name="recorded"/>, an event of <see cref="Category"/>. Idempotent (an event already taken in
    /// changes nothing, and events may come again after a resubscription), never leaves the catalog half-updated, and
    /// safe to run beside the refresh this host does after its own writes.
    /// </summary>
    Task FollowAsync(RecordedEvent recorded, CancellationToken cancellationToken);
}
