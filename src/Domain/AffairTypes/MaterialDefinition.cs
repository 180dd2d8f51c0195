namespace Affairs.Domain.AffairTypes;

/// <summary>A document the applicant supplies, and the state from which it must be attached.</summary>
public sealed record MaterialDefinition
{
    /// <summary>The material's id (<c>household-register</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>The display name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>A state: the material must be attached before the case may enter it.</summary>
    public string RequiredFrom { get; init; } = "";
}
