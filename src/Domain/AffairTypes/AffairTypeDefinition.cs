namespace Affairs.Domain.AffairTypes;

/// <summary>
/// One version of an affair type as data: what a case carries, its states and transitions, who handles each step and
/// how long it may take. Built-in and administrator-defined types are the same kind of document; its JSON Schema is
/// <c>schemas/affair-type.schema.json</c>. Read one with <see cref="AffairTypeLoader"/>, which also validates it.
/// </summary>
public sealed record AffairTypeDefinition
{
    /// <summary>The type's id (<c>dibao</c>): lower-case words joined by dashes.</summary>
    public string Id { get; init; } = "";

    /// <summary>The version, from 1; a published version never changes.</summary>
    public int Version { get; init; }

    /// <summary>The display name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Whether a case is about a person or a household; required.</summary>
    public SubjectKind? Subject { get; init; }

    /// <summary>The data fields a case carries.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];

    /// <summary>The policy parameters the guards use.</summary>
    public IReadOnlyList<ParameterDeclaration> Parameters { get; init; } = [];

    /// <summary>The documents the applicant supplies.</summary>
    public IReadOnlyList<MaterialDefinition> Materials { get; init; } = [];

    /// <summary>The state a new case is in.</summary>
    public string InitialState { get; init; } = "";

    /// <summary>Every state, terminal ones included.</summary>
    public IReadOnlyList<StateDefinition> States { get; init; } = [];

    /// <summary>Every transition.</summary>
    public IReadOnlyList<TransitionDefinition> Transitions { get; init; } = [];

    /// <summary>Statutory limits that span several states.</summary>
    public IReadOnlyList<ClockDefinition> Clocks { get; init; } = [];
}
