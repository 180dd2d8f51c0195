using System.Globalization;
using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>The commands that record something on a case without firing a trigger, and opening one.</summary>
public sealed partial class Oracle
{
    /// <summary>Opening: the initial state's handler, its clocks, and the fields required from it already given.</summary>
    public Expectation Open(IReadOnlyDictionary<string, JsonElement> data)
    {
        var initial = definition.InitialState;
        if (Read(data) is not { } values || definition.Fields.Any(f => f.RequiredFrom == initial && values.GetValueOrDefault(f.Name).IsNull))
        {
            return Expectation.Refusal("validation.failed");
        }

        var clocks = definition.Clocks.Where(c => c.StartsOn == initial && c.Limit is not null).ToList();
        return new Expectation(
            null,
            [],
            [$"opened {definition.Id} in {initial} handler {HandlerOf(initial)}", .. clocks.Select(c => string.Create(CultureInfo.InvariantCulture, $"clock-started {c.Name}: {c.Limit!.Amount} {Days(c.Limit)} days"))],
            m =>
            {
                foreach (var (name, value) in values)
                {
                    m.Data[name] = value;
                }

                clocks.ForEach(c => m.Clocks[c.Name] = (true, 0));
            });
    }

    public Expectation Attach(CaseModel model, Actor actor, Organisation organisation, DateTimeOffset now, string material) =>
        Record(model, actor, organisation, now, applicantMay: true, () => definition.Materials.Any(m => m.Id == material), role => $"material-attached {material} as {role}", m => m.Materials.Add(material));

    public Expectation Amend(CaseModel model, Actor actor, Organisation organisation, DateTimeOffset now, IReadOnlyDictionary<string, JsonElement> changes) =>
        Record(model, actor, organisation, now, applicantMay: false, () => Read(changes) is not null, role => $"data-amended {string.Join(",", changes.Keys.Order(StringComparer.Ordinal))} as {role}", m =>
        {
            foreach (var (name, value) in Read(changes)!)
            {
                m.Data[name] = value;
            }
        });

    public Expectation Note(CaseModel model, Actor actor, Organisation organisation, DateTimeOffset now) =>
        Record(model, actor, organisation, now, applicantMay: false, () => true, role => $"note-added as {role}", _ => { });

    /// <summary>Only the supervisor reassigns, only to staff who are here, only an open case.</summary>
    public static Expectation Reassign(CaseModel model, Actor actor, Organisation organisation, DateTimeOffset now, string to) =>
        !actor.Has(ActorRoles.Supervisor) && actor.Id != organisation.SupervisorId ? Expectation.Refusal("case.supervisor-only")
        : !organisation.Staff.Contains(to) || organisation.IsAbsent(to, now) ? Expectation.Refusal("validation.failed")
        : model.Closed ? Expectation.Refusal("case.closed")
        : new Expectation(null, [], [$"reassigned to {to}"], m => m.Step = m.Step with { ReassignedTo = to });

    private Expectation Record(CaseModel model, Actor actor, Organisation organisation, DateTimeOffset now, bool applicantMay, Func<bool> valid, Func<ActingRole, string> line, Action<CaseModel> apply)
    {
        if (model.Closed)
        {
            return Expectation.Refusal("case.closed");
        }

        var (roles, acting) = Participation(model, actor, organisation, now);
        if (!roles.Contains(CaseRole.Handler) && !roles.Contains(CaseRole.System) && !(applicantMay && roles.Contains(CaseRole.Applicant)))
        {
            return Expectation.Refusal("case.not-responsible");
        }

        return valid()
            ? new Expectation(null, [], [line(acting)], m =>
            {
                apply(m);
                m.Acted(acting, actor.Id, now);
            })
            : Expectation.Refusal("validation.failed");
    }
}
