using System.Globalization;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>
/// An event a specification expects the command to append, by its meaningful fields: one line of text, compared with
/// the same line written from the event actually appended.
/// </summary>
public abstract record Expect
{
    public abstract string Line(Setting s);

    /// <summary>
    /// The case took <paramref name="trigger"/> from <paramref name="from"/> to <paramref name="to"/> (an internal
    /// transition when they are the same), acting as <paramref name="by"/>; the handlers and the outcome follow the
    /// definition.
    /// </summary>
    public static Transition Took(string trigger, string from, string to, ActingRole by = ActingRole.A) => new(trigger, from, to, by);

    /// <summary>As <see cref="Took"/>, and the event empties exactly <paramref name="cleared"/> (as the domain says, not as the definition does).</summary>
    public static Transition TookClearing(string trigger, string from, string to, params string[] cleared) => new(trigger, from, to, ActingRole.A, cleared);

    public static Expect Opens() => new Of(s => $"opened {s.Type.Id} in {s.Type.Definition.InitialState} handler {s.HandlerOf(s.Type.Definition.InitialState)}");

    public static Expect StartsClock(string clock) => new Of(s => Started(clock, s.Clock(clock).Limit!.Amount, s.Clock(clock).Limit!.Unit == PeriodUnit.WorkingDays));

    public static Expect StopsClock(string clock) => new Of(_ => $"clock-stopped {clock}");

    public static Expect ExtendsClock(string clock) => new Of(s => Extended(clock, s.Clock(clock).Extension!.By!.Amount, s.Clock(clock).Extension!.By!.Unit == PeriodUnit.WorkingDays));

    public static Expect AttachesMaterial(string material, ActingRole by = ActingRole.A) => new Of(_ => $"material-attached {material} as {by}");

    public static Expect AmendsData(ActingRole by, params string[] fields) => new Of(_ => Amended(fields, by));

    /// <summary>The line of an event as appended.</summary>
    public static string Describe(object @event) => @event switch
    {
        CaseTransitioned e => Moved(e.Trigger, e.From, e.To, e.Internal, e.ActingRole, e.Handler, e.NextHandler, e.Outcome)
            + Cleared(e.DataChanges.Where(c => c.Value.ValueKind == System.Text.Json.JsonValueKind.Null).Select(c => c.Key)),
        CaseClockStarted e => Started(e.Clock, e.LimitDays, e.WorkingDays),
        CaseClockStopped e => $"clock-stopped {e.Clock}",
        CaseClockExtended e => Extended(e.Clock, e.Days, e.WorkingDays),
        CaseMaterialAttached e => $"material-attached {e.MaterialId} as {e.ActingRole}",
        CaseDataAmended e => Amended(e.Changes.Keys, e.ActingRole),
        CaseOpened e => $"opened {e.AffairTypeId} in {e.State} handler {e.Handler}",
        CaseReassigned e => $"reassigned to {e.ToStaffId}",
        CaseNoteAdded e => $"note-added as {e.ActingRole}",
        _ => @event.GetType().Name,
    };

    private static string Moved(string trigger, string from, string to, bool @internal, ActingRole role, string handler, string? next, string? outcome) =>
        $"transitioned {trigger}: {from} -> {to}{(@internal ? " (internal)" : "")} as {role}; handler {handler} -> {next ?? "none"}; outcome {outcome ?? "none"}";

    /// <summary>The fields a transition empties, as the event records them (set to null); nothing when none.</summary>
    private static string Cleared(IEnumerable<string> fields) => string.Join(",", fields.Order(StringComparer.Ordinal)) is { Length: > 0 } names ? $"; clears {names}" : string.Empty;

    private static string Started(string clock, int days, bool working) => string.Create(CultureInfo.InvariantCulture, $"clock-started {clock}: {days} {(working ? "working" : "calendar")} days");

    private static string Extended(string clock, int days, bool working) => string.Create(CultureInfo.InvariantCulture, $"clock-extended {clock}: +{days} {(working ? "working" : "calendar")} days");

    private static string Amended(IEnumerable<string> fields, ActingRole role) => $"data-amended {string.Join(",", fields.Order(StringComparer.Ordinal))} as {role}";

    /// <summary>A transition expected; <see cref="Line"/> fills in handlers and outcome from the raw definition.</summary>
    public sealed record Transition(string Trigger, string From, string To, ActingRole By, IReadOnlyList<string>? Clears = null) : Expect
    {
        public override string Line(Setting s)
        {
            var @internal = From == To && s.Type.Definition.Transitions.Any(t => t.Trigger == Trigger && t.Internal && t.From.Contains(From));
            var outcome = s.Type.Definition.States.Single(x => x.Name == To).Outcome?.ToString().ToLowerInvariant();
            var clears = Clears ?? s.Type.Definition.Transitions.Where(t => t.Trigger == Trigger && t.From.Contains(From) && (t.To ?? From) == To).SelectMany(t => t.Clears ?? []);
            return Moved(Trigger, From, To, @internal, By, s.HandlerOf(From)!, s.HandlerOf(@internal ? From : To), outcome) + Cleared(clears);
        }
    }

    private sealed record Of(Func<Setting, string> Make) : Expect
    {
        public override string Line(Setting s) => Make(s);
    }
}
