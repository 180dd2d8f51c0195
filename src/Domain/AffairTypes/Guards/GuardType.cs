namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>The static type of a guard sub-expression.</summary>
internal enum GuardType
{
    Boolean,
    Number,
    Text,
    Date,

    /// <summary>A list of text items: only <c>is null</c> applies.</summary>
    List,
    Null,
}
