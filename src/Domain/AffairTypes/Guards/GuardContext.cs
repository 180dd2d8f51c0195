namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// Everything a guard may see: nothing else is reachable from an expression, so evaluation is deterministic.
/// </summary>
/// <param name="Data">The case data by field name; a missing field reads as null.</param>
/// <param name="Actor">The actor and the roles the actor holds for this case.</param>
/// <param name="Parameters">The policy parameter values in force at the decision time.</param>
/// <param name="DecisionTime">The decision time; <c>today</c> is its date in its own offset, so pass it in the centre's time zone.</param>
public sealed record GuardContext(
    IReadOnlyDictionary<string, FieldValue> Data,
    CaseActor Actor,
    IReadOnlyDictionary<string, FieldValue> Parameters,
    DateTimeOffset DecisionTime);
