namespace Affairs.Domain.AffairTypes;

/// <summary>A data field a case carries, with the state from which it is required and its validation.</summary>
public sealed record FieldDefinition
{
    /// <summary>The field's name, as guards and data changes refer to it (<c>monthlyIncomePerPerson</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>The value type; required.</summary>
    public FieldType? Type { get; init; }

    /// <summary>The display name.</summary>
    public LocalizedText? Label { get; init; }

    /// <summary>A state: the field must have a value before the case may enter it. None: always optional.</summary>
    public string? RequiredFrom { get; init; }

    /// <summary>The least value allowed (numbers), or the shortest length (never for text; use a pattern).</summary>
    public decimal? Min { get; init; }

    /// <summary>The greatest value allowed (numbers).</summary>
    public decimal? Max { get; init; }

    /// <summary>A regular expression a text value must match in full.</summary>
    public string? Pattern { get; init; }

    /// <summary>The allowed values of an <see cref="FieldType.Enum"/> field.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Personal data (account numbers, phones): kept out of logs and shown masked.</summary>
    public bool Personal { get; init; }
}
