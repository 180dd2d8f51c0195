namespace Affairs.Domain.AffairTypes;

/// <summary>The runtime kind of a <see cref="FieldValue"/>.</summary>
public enum FieldValueKind
{
    /// <summary>No value.</summary>
    Null,

    /// <summary>A decimal number (integer and decimal fields).</summary>
    Number,

    /// <summary>Text (text and enum fields).</summary>
    Text,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>A list of text items.</summary>
    List,
}
