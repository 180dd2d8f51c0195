using System.Text;
using Affairs.EventStore;

namespace Affairs.Stores.Conformance;

/// <summary>Builders for events, streams and categories unique to one test.</summary>
public static class TestEvents
{
    /// <summary>A category no other test uses (letters and digits only).</summary>
    public static string UniqueCategory(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A stream no other test uses.</summary>
    public static StreamName UniqueStream(string? category = null) =>
        StreamName.For(category ?? UniqueCategory(), Guid.NewGuid().ToString("N"));

    /// <summary>One small JSON event with a fresh id.</summary>
    public static EventToAppend Event(string type = "test.happened.v1", int index = 0) => new(
        Guid.NewGuid(),
        type,
        Encoding.UTF8.GetBytes($$"""{"index":{{index}},"note":"conformance"}"""),
        Encoding.UTF8.GetBytes("""{"correlationId":"c-1"}"""));

    /// <summary><paramref name="count"/> events numbered from <paramref name="start"/>.</summary>
    public static EventToAppend[] Events(int count, int start = 0) =>
        Enumerable.Range(start, count).Select(i => Event(index: i)).ToArray();

    /// <summary>The global position of a fresh marker event: every later event is after it.</summary>
    public static async Task<long> MarkAsync(IEventStore store)
    {
        var result = await store.AppendAsync(UniqueStream("marker"), ExpectedRevision.NoStream, [Event("marker.v1")]);
        return result.LogPosition;
    }
}
