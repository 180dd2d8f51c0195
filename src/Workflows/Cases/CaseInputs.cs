using Affairs.Domain.AffairTypes;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Everything a case decision reads, loaded before it: the case as folded, its pinned definition, the organisation,
/// the policy parameters in force, the handler of every state for this subject and the working-day calendar in force,
/// all as of <see cref="Now"/>. A decision is a pure function of a command and these.
/// </summary>
/// <param name="State">The case as folded from its stream.</param>
/// <param name="Revision">The stream revision <paramref name="State"/> was folded to.</param>
/// <param name="Type">The definition version the case is pinned to.</param>
/// <param name="Organisation">The organisation, for the AB-post rules.</param>
/// <param name="Parameters">The policy parameters of the type in force on the decision date.</param>
/// <param name="Handlers">The handler of every state of the type for this case's subject (null for terminal states).</param>
/// <param name="Now">The decision time, in the centre's time zone.</param>
/// <param name="Calendar">The working-day calendar in force at <paramref name="Now"/> (takeover delays count in it).</param>
public sealed record CaseInputs(
    CaseState State,
    long Revision,
    CompiledAffairType Type,
    Organisation Organisation,
    IReadOnlyDictionary<string, FieldValue> Parameters,
    IReadOnlyDictionary<string, string?> Handlers,
    DateTimeOffset Now,
    WorkingDayCalendar Calendar);
