namespace Affairs.EventStore;

/// <summary>
/// Where a read model is kept between runs: its rows and the log position it has applied up to (its checkpoint),
/// always changed together in one transaction, so what is loaded is the model exactly as of its checkpoint. A
/// model that finds its format version changed rebuilds from the log instead of loading what it stored.
/// </summary>
/// <remarks>
/// Rows are opaque to the store: a kind (what the row is, e.g. <c>case</c>), a key unique within the kind, and a body
/// the model reads back. A write is a batch of rows replaced by key; a rebuilt model replaces everything at once.
/// Faults are <see cref="EventStoreUnavailableException"/>, as for the event store.
/// </remarks>
public interface IReadModelStore
{
    /// <summary>The stored state of <paramref name="model"/>, every row included, or null when none was stored.</summary>
    Task<ReadModelState?> LoadAsync(string model, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one batch: the rows and the new checkpoint and version, in one transaction; or nothing, and false, when
    /// the model is stored in the same version at this checkpoint or a later one (another host sharing the store is
    /// ahead: what it stored already reflects this batch's events). So the stored checkpoint only moves forward, and
    /// the rows always are the model exactly as of it.
    /// </summary>
    Task<bool> SaveAsync(ReadModelChanges changes, CancellationToken cancellationToken = default);
}

/// <summary>One row of a read model.</summary>
/// <param name="Kind">What the row is, e.g. <c>case</c>.</param>
/// <param name="Key">Unique within its kind.</param>
/// <param name="Body">What the model reads back (JSON).</param>
public sealed record ReadModelRow(string Kind, string Key, string Body);

/// <summary>A read model as stored.</summary>
/// <param name="Version">The format version it was written with.</param>
/// <param name="Checkpoint">The log position of the last event its rows reflect.</param>
/// <param name="Rows">Every row.</param>
public sealed record ReadModelState(int Version, long Checkpoint, IReadOnlyList<ReadModelRow> Rows);

/// <summary>One batch of changes to a read model.</summary>
/// <param name="Model">Which model.</param>
/// <param name="Version">The format version the rows are written in.</param>
/// <param name="Checkpoint">The log position of the last event the model reflects after this batch.</param>
/// <param name="Rows">Rows to insert or replace (by kind and key).</param>
/// <param name="ReplaceAll">Whether every row stored before goes first (a rebuilt model, or a new format).</param>
public sealed record ReadModelChanges(string Model, int Version, long Checkpoint, IReadOnlyList<ReadModelRow> Rows, bool ReplaceAll);
