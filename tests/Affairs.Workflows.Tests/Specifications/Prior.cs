using Affairs.Domain.AffairTypes;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>A prior fact of the case in a specification's Given: becomes one stored event of the case.</summary>
public abstract record Prior
{
    public abstract object Event(Setting s);

    /// <summary>The case was opened in the type's initial state with <paramref name="data"/>.</summary>
    public static Prior Opened(Dictionary<string, object>? data = null) => new Of(s => new CaseOpened(
        s.CaseId, s.Type.Id, s.Type.Version, s.Type.Definition.Subject == SubjectKind.Household ? "household" : "person", s.SubjectId, "counter",
        s.Type.Definition.InitialState, s.HandlerOf(s.Type.Definition.InitialState)!, Setting.Json(data), "s-a", ActingRole.A, s.Now));

    /// <summary>The case moved on <paramref name="trigger"/> (or stayed, when <paramref name="to"/> is <paramref name="from"/>), setting <paramref name="data"/>.</summary>
    public static Prior Moved(string trigger, string from, string to, Dictionary<string, object>? data = null) => new Of(s =>
    {
        var terminal = s.Type.Definition.States.Single(x => x.Name == to).Outcome;
        return new CaseTransitioned(
            s.CaseId, trigger, from, to, from == to, "s-a", ActingRole.A, s.HandlerOf(from)!, null, "as recorded", Setting.Json(data),
            s.HandlerOf(to), terminal?.ToString().ToLowerInvariant(), s.Now, s.Type.Version);
    });

    public static Prior Attached(string material) =>
        new Of(s => new CaseMaterialAttached(s.CaseId, material, material + ".pdf", "application/pdf", 1024, new string('a', 64), "s-a", ActingRole.A, s.Now));

    public static Prior Amended(Dictionary<string, object> data) =>
        new Of(s => new CaseDataAmended(s.CaseId, Setting.Json(data), "corrected", "s-a", ActingRole.A, null, s.Now));

    public static Prior ClockStarted(string clock) => new Of(s =>
    {
        var limit = s.Clock(clock).Limit!;
        return new CaseClockStarted(s.CaseId, clock, limit.Amount, limit.Unit == PeriodUnit.WorkingDays, s.Now);
    });

    public static Prior ClockExtended(string clock) => new Of(s =>
    {
        var by = s.Clock(clock).Extension!.By!;
        return new CaseClockExtended(s.CaseId, clock, by.Amount, by.Unit == PeriodUnit.WorkingDays, "complex case", "s-boss", ActingRole.Supervisor, s.Now);
    });

    private sealed record Of(Func<Setting, object> Make) : Prior
    {
        public override object Event(Setting s) => Make(s);
    }
}
