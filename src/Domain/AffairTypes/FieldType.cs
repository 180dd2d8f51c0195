namespace Affairs.Domain.AffairTypes;

/// <summary>The type of a case data field or of a policy parameter.</summary>
public enum FieldType
{
    /// <summary>Free text, optionally constrained by a pattern and a maximum length.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number (money, amounts); never a binary floating point.</summary>
    Decimal,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A calendar date without time (ISO 8601, <c>2026-03-01</c>).</summary>
    Date,

    /// <summary>One of a declared list of text values.</summary>
    Enum,

    /// <summary>
    /// A list of one or more non-empty text items (the missing items of a one-time notice), optionally each one of the
    /// declared values. Guards may only ask whether it <c>is null</c>.
    /// </summary>
    List,
}
