namespace Affairs.Domain.AffairTypes;

/// <summary>A document the applicant supplies, the state from which it must be attached, and when it applies.</summary>
public sealed record MaterialDefinition
{
    /// <summary>The material's id (<c>household-register</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>The display name.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>A state: the material must be attached before the case may enter it.</summary>
    public string RequiredFrom { get; init; } = "";

    /// <summary>
    /// An optional guard expression (the language of a transition's guard) naming the cases the material applies to,
    /// read against the case's data as it would be after the step (<c>category in ('dibao', 'tekun')</c>); without it,
    /// every case needs the material. A condition that cannot be evaluated counts as applying.
    /// </summary>
    public string? RequiredWhen { get; init; }
}
