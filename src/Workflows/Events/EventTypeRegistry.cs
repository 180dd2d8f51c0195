using System.Reflection;
using Affairs.Domain.Events;

namespace Affairs.Workflows.Events;

/// <summary>
/// The map between stored type names (<see cref="EventTypeAttribute"/>) and CLR types. Built once at start-up from
/// the assemblies that define events; a duplicate name is a start-up error, never a silent overwrite.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<string, Type> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = [];

    /// <summary>Registers every class marked with <see cref="EventTypeAttribute"/> in <paramref name="assemblies"/>.</summary>
    public static EventTypeRegistry FromAssemblies(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var registry = new EventTypeRegistry();
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()))
        {
            if (type.GetCustomAttribute<EventTypeAttribute>() is { } attribute)
            {
                registry.Register(attribute.Name, type);
            }
        }

        return registry;
    }

    /// <summary>Registers one type under one name.</summary>
    /// <exception cref="InvalidOperationException">The name or the type is already registered.</exception>
    public void Register(string name, Type type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(type);
        if (!_byName.TryAdd(name, type) || !_byType.TryAdd(type, name))
        {
            throw new InvalidOperationException($"Event type name '{name}' or CLR type {type.Name} is registered twice.");
        }
    }

    /// <summary>The stored name of an event's type.</summary>
    /// <exception cref="InvalidOperationException">The type has no registered name.</exception>
    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name) ? name : throw new InvalidOperationException($"{type.Name} has no [EventType] name.");

    /// <summary>The CLR type registered under a stored name, if any.</summary>
    public bool TryGetType(string name, out Type type) => _byName.TryGetValue(name, out type!);

    /// <summary>Every registered name.</summary>
    public IEnumerable<string> Names => _byName.Keys;
}
