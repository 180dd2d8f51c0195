using System.Text.Json;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Tests.Cases;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>The case commands a step sends, each with what the oracle expects of it.</summary>
public sealed partial class Walk
{
    private async Task OpenAsync()
    {
        var engine = _office.Engine;
        var initial = _type.Definition.InitialState;
        var data = Fields(_type.Definition.Fields.Where(f => f.RequiredFrom == initial ? _data.Chance(95) : _data.Chance(10)), new Dictionary<string, Domain.AffairTypes.FieldValue>());
        var model = new CaseModel { CaseId = "", State = initial, Handler = _oracle.HandlerOf(initial), Revision = -1, Step = new StepFacts(Now()) };
        var expected = _oracle.Open(data);
        model = await CheckAsync(model, expected, $"{Centre.A.Id} opens a case with {Show(data)}", () =>
            engine.Mediator.Send(new OpenCase(_type.Id, null, _office.SubjectOf(_type), "counter", data, engine.As(Centre.A))).AsTask());
        if (model.CaseId.Length > 0)
        {
            Cases++;
            _cases.Add(model);
        }
    }

    private async Task ActAsync(CaseModel model, int roll, Organisation organisation)
    {
        var index = _cases.IndexOf(model);
        model = await CommandAsync(model, roll, organisation);
        _cases[index] = model;
        if (model.Closed || model.Revision > MostEvents)
        {
            _cases.RemoveAt(index);
        }
    }

    private async Task<CaseModel> CommandAsync(CaseModel model, int roll, Organisation organisation)
    {
        var engine = _office.Engine;
        var actor = _data.Chance(30) ? Usual(model) : PickActor();
        var now = Now();
        var today = DateOnly.FromDateTime(now.DateTime);
        if (roll < 58)
        {
            var trigger = PickTrigger(model);
            var settable = _type.Definition.Transitions.Where(t => t.Trigger == trigger && t.From.Contains(model.State)).SelectMany(t => t.Sets).Distinct();
            var fields = _type.Definition.Fields.Where(f => settable.Contains(f.Name) ? _data.Chance(85) : _data.Chance(3));
            var data = Fields(fields, model.Data, today);
            var reason = _data.Chance(85) ? "as the file shows" : null;
            return await CheckAsync(model, _oracle.Fire(model, actor, organisation, now, trigger, data, reason), $"{actor.Id} fires '{trigger}' in {model.State} with {Show(data)}{(reason is null ? " and no reason" : "")}", () =>
                engine.Mediator.Send(new FireTrigger(model.CaseId, trigger, null, reason, data, engine.As(actor))).AsTask());
        }
        else if (roll < 70)
        {
            var material = _data.Chance(92) && _type.Definition.Materials.Count > 0 ? _data.Pick(_type.Definition.Materials).Id : "unlisted-paper";
            return await CheckAsync(model, _oracle.Attach(model, actor, organisation, now, material), $"{actor.Id} attaches {material}", () =>
                engine.Mediator.Send(new AttachMaterial(model.CaseId, material, material + ".pdf", "application/pdf", 1024, new string('c', 64), null, engine.As(actor))).AsTask());
        }
        else if (roll < 78)
        {
            var changes = Fields([_data.Pick(_type.Definition.Fields)], model.Data, today);
            return await CheckAsync(model, _oracle.Amend(model, actor, organisation, now, changes), $"{actor.Id} amends {Show(changes)}", () =>
                engine.Mediator.Send(new AmendData(model.CaseId, changes, "corrected", null, engine.As(actor))).AsTask());
        }
        else if (roll < 81)
        {
            return await CheckAsync(model, _oracle.Note(model, actor, organisation, now), $"{actor.Id} adds a note", () =>
                engine.Mediator.Send(new AddNote(model.CaseId, "called the applicant", null, engine.As(actor))).AsTask());
        }
        else
        {
            var by = _data.Chance(80) ? Centre.Boss : actor;
            var to = _data.Pick(["s-a", "s-b", "s-x", "s-gw"]);
            return await CheckAsync(model, Oracle.Reassign(model, by, organisation, now, to), $"{by.Id} reassigns the step to {to}", () =>
                engine.Mediator.Send(new ReassignCase(model.CaseId, to, "workload", null, engine.As(by))).AsTask());
        }
    }

    /// <summary>Who usually works the step: the section head, the grid worker, or A of the post.</summary>
    private static Actor Usual(CaseModel model) =>
        model.Handler == "supervisor" ? Centre.Boss : model.Handler.StartsWith("grid:", StringComparison.Ordinal) ? Office.GridWorker : Centre.A;

    /// <summary>
    /// Mostly a trigger that leaves the current state (one that does not end the case three times in four, so that
    /// walks get deep), sometimes any trigger of the type, now and then one it does not know.
    /// </summary>
    private string PickTrigger(CaseModel model)
    {
        var leaving = _type.Definition.Transitions.Where(t => t.From.Contains(model.State)).ToList();
        var onwards = leaving.Where(t => t.Internal || !_oracle.StateOf(t.To!).IsTerminal).Select(t => t.Trigger).Distinct().ToList();
        var here = onwards.Count > 0 && _data.Chance(75) ? onwards : leaving.Select(t => t.Trigger).Distinct().ToList();
        var roll = _random.Next(100);
        return roll < 70 && here.Count > 0 ? _data.Pick(here) : roll < 95 ? _data.Pick(_type.Triggers) : "fly-away";
    }

    private Dictionary<string, JsonElement> Fields(IEnumerable<Domain.AffairTypes.FieldDefinition> fields, IReadOnlyDictionary<string, Domain.AffairTypes.FieldValue> data, DateOnly? today = null) =>
        fields.ToDictionary(f => f.Name, f => _data.Value(f, data, today ?? DateOnly.FromDateTime(Now().DateTime)), StringComparer.Ordinal);

    private static string Show(IReadOnlyDictionary<string, JsonElement> data) =>
        data.Count == 0 ? "no data" : "{ " + string.Join(", ", data.Select(d => $"{d.Key}: {d.Value.GetRawText()}")) + " }";
}
