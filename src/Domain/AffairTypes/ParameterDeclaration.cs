namespace Affairs.Domain.AffairTypes;

/// <summary>
/// A policy parameter a definition's guards use (<c>dibaoLine</c>). Its value comes from the versioned policy
/// parameter set in force at the decision time, never from the definition.
/// </summary>
public sealed record ParameterDeclaration
{
    /// <summary>The parameter's name; guards write it as <c>param.name</c>.</summary>
    public string Name { get; init; } = "";

    /// <summary>The value type; required.</summary>
    public FieldType? Type { get; init; }
}
