using System.Text.Json.Nodes;

namespace Affairs.Workflows.Events;

/// <summary>
/// Reads an old event shape as the next one, at read time only: stored history is never rewritten.
/// Upcasters chain (v1 → v2 → v3) until the name has no further upcaster.
/// </summary>
public interface IEventUpcaster
{
    /// <summary>The stored name this upcaster reads, <c>case.note-added.v1</c>.</summary>
    string FromType { get; }

    /// <summary>The name of the shape it produces, <c>case.note-added.v2</c>.</summary>
    string ToType { get; }

    /// <summary>Turns the old data into the new shape. Pure: no clock, no I/O.</summary>
    JsonObject Upcast(JsonObject data);
}
