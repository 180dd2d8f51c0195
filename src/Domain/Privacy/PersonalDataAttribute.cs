namespace Affairs.Domain.Privacy;

/// <summary>
/// Marks a field of an event or a read model as personal information (identity number, name, phone, address, birth
/// date, gender). Logs never carry such fields, and the API and the feed mask them (text) or leave them out (other
/// types) for roles and scopes that do not need them.
/// </summary>
/// <param name="kind">What kind of personal data it is, which decides how it is masked.</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class PersonalDataAttribute(PersonalDataKind kind) : Attribute
{
    /// <summary>The kind of personal data.</summary>
    public PersonalDataKind Kind { get; } = kind;
}
