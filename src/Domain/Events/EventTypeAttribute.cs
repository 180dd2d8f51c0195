namespace Affairs.Domain.Events;

/// <summary>
/// The stable, versioned name an event is stored under (<c>case.transitioned.v1</c>). Stored history refers to this
/// name, never to the CLR type, so a class can be renamed or moved without breaking old events. A changed shape gets
/// a new name (<c>.v2</c>) and an upcaster from the old one; a published name is never reused for another shape.
/// </summary>
/// <param name="name">Lower-case words separated by dots and dashes, ending in <c>.vN</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventTypeAttribute(string name) : Attribute
{
    /// <summary>The stored type name.</summary>
    public string Name { get; } = name;
}
