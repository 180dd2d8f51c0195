using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

/// <summary>
/// Gives the conformance suite a store to test. One store may serve every test of a class: the tests use their own
/// streams and categories and never assume the log is empty.
/// </summary>
public interface IEventStoreFixture
{
    /// <summary>The store under test.</summary>
    IEventStore Store { get; }
}
