namespace Affairs.Workflows.Tests.Specifications;

/// <summary>
/// Declares the transition a specification pins: (type, from, trigger, to), and for a trigger with guarded alternatives
/// in one state, which alternative (its place among them in the definition, from 0). <see cref="Refused"/> as the
/// destination declares the specification that none of the alternatives holds.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversAttribute(string type, string from, string trigger, string to) : Attribute
{
    public const string Refused = "(refused)";

    public string Type { get; } = type;

    public string From { get; } = from;

    public string Trigger { get; } = trigger;

    public string To { get; } = to;

    /// <summary>Which of several alternatives; -1 when the trigger has one way out of the state.</summary>
    public int Alternative { get; init; } = -1;

    public string Key => Coverage.Key(Type, From, Trigger, To, Alternative);
}
