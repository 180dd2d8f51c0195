using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

/// <summary>
/// The contract of <see cref="IEventStore"/>, run against every adapter. An adapter's test project subclasses it in
/// one line: <c>public sealed class SqliteConformance(SqliteFixture f) : EventStoreConformance&lt;SqliteFixture&gt;(f);</c>
/// </summary>
/// <typeparam name="TFixture">Creates and disposes the adapter's store.</typeparam>
public abstract partial class EventStoreConformance<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : class, IEventStoreFixture
{
    /// <summary>The store under test.</summary>
    protected IEventStore Store { get; } = fixture.Store;

    /// <summary>Bounds every wait in the suite, so a broken adapter fails instead of hanging.</summary>
    protected static CancellationToken Timeout(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    /// <summary>Reads a whole stream forwards.</summary>
    protected async Task<List<RecordedEvent>> ReadAll(StreamName stream) =>
        await Store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue, Timeout()).ToListAsync();
}
