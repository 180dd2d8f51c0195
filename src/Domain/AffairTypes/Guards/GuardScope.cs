namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// The names a guard may use, with their types: the definition's fields (bare names), its declared policy parameters
/// (<c>param.name</c>), the actor's attributes (<c>actor.id</c>, <c>actor.post</c>) and <c>today</c>.
/// </summary>
public sealed class GuardScope
{
    private readonly Dictionary<string, FieldDefinition> _fields;
    private readonly Dictionary<string, FieldType> _parameters;

    /// <summary>Creates the scope of <paramref name="definition"/>; later duplicates of a name are ignored.</summary>
    public GuardScope(AffairTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        _fields = [];
        foreach (var field in definition.Fields)
        {
            _fields.TryAdd(field.Name, field);
        }

        _parameters = [];
        foreach (var parameter in definition.Parameters)
        {
            if (parameter.Type is { } type)
            {
                _parameters.TryAdd(parameter.Name, type);
            }
        }
    }

    /// <summary>The actor attributes guards may read, all text.</summary>
    public static IReadOnlyList<string> ActorAttributes { get; } = ["id", "post"];

    internal FieldDefinition? Field(string name) => _fields.GetValueOrDefault(name);

    internal FieldType? Parameter(string name) => _parameters.TryGetValue(name, out var type) ? type : null;
}
