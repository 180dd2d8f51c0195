using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Guards;
using Affairs.Domain.Calendar;
using Affairs.Domain.Staffing;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>What a command should do, worked out by the oracle.</summary>
/// <param name="Refused">The problem code when the command must be refused.</param>
/// <param name="Refusals">For a 422 on a trigger: the refusal codes.</param>
/// <param name="Lines">The events it must append, as <see cref="Expect.Describe"/> writes them.</param>
/// <param name="Apply">Brings the model to where the command leaves the case.</param>
public sealed record Expectation(string? Refused, IReadOnlyList<string> Refusals, IReadOnlyList<string> Lines, Action<CaseModel> Apply)
{
    public static Expectation Refusal(string code, params string[] refusals) => new(code, refusals, [], _ => { });
}

/// <summary>
/// The walk's oracle, written from the raw <see cref="AffairTypeDefinition"/>: which transitions are enabled for the
/// data, roles and materials (guards evaluated with the domain's guard evaluator), which clock facts follow, and who
/// may act (the AB-post rules); never the engine's compiled machine.
/// </summary>
public sealed partial class Oracle(AffairTypeDefinition definition, IReadOnlyDictionary<string, FieldValue> parameters, WorkingDayCalendar calendar)
{
    private readonly Dictionary<TransitionDefinition, GuardExpression?> _guards = definition.Transitions.ToDictionary(
        t => t,
        t => t.Guard is { } text ? GuardExpression.Compile(text, new GuardScope(definition), out _) ?? throw new InvalidOperationException(text) : null);

    private readonly Dictionary<string, GuardExpression?> _materialConditions = definition.Materials.ToDictionary(
        m => m.Id,
        m => m.RequiredWhen is { } text ? GuardExpression.Compile(text, new GuardScope(definition), out _) ?? throw new InvalidOperationException(text) : null);

    private readonly Dictionary<string, Regex> _patterns = definition.Fields.Where(f => f.Pattern is not null)
        .ToDictionary(f => f.Name, f => new Regex($"^(?:{f.Pattern})$", RegexOptions.CultureInvariant));

    public AffairTypeDefinition Definition => definition;

    public StateDefinition StateOf(string name) => definition.States.Single(s => s.Name == name);

    public string HandlerOf(string state) => StateOf(state) switch
    {
        { IsTerminal: true } => "",
        { Handler: "supervisor" } => "supervisor",
        { Handler: "grid" } => "grid:g-01",
        var s => "post:" + s.Handler,
    };

    /// <summary>The roles the actor holds on the case now, and the role the event records; no roles means 403.</summary>
    public (HashSet<CaseRole> Roles, ActingRole Acting) Participation(CaseModel model, Actor actor, Organisation organisation, DateTimeOffset now)
    {
        if (actor.Has(ActorRoles.System))
        {
            return ([CaseRole.System], ActingRole.System);
        }

        if (actor.Has(ActorRoles.Integration))
        {
            return ([CaseRole.Applicant], ActingRole.Applicant);
        }

        var step = model.Step with { AwaitsTimer = StateOf(model.State).Timers.Count > 0 };
        var responsible = ResponsibilityRules.Resolve(organisation, StepHandler.Parse(model.Handler), step, now, calendar);
        var supervisor = actor.Has(ActorRoles.Supervisor) || actor.Id == organisation.SupervisorId;
        if (actor.Id == responsible.StaffId)
        {
            return (supervisor ? [CaseRole.Handler, CaseRole.Supervisor] : [CaseRole.Handler], responsible.Role);
        }

        return supervisor ? ([CaseRole.Handler, CaseRole.Supervisor], ActingRole.Supervisor) : ([], ActingRole.Applicant);
    }

    /// <summary>Fires <paramref name="trigger"/>: refused in the engine's order (closed, not responsible, bad data, no such way), else the one enabled transition.</summary>
    public Expectation Fire(CaseModel model, Actor actor, Organisation organisation, DateTimeOffset now, string trigger, IReadOnlyDictionary<string, JsonElement> data, string? reason)
    {
        if (model.Closed)
        {
            return Expectation.Refusal("case.closed");
        }

        var (roles, acting) = Participation(model, actor, organisation, now);
        if (roles.Count == 0)
        {
            return Expectation.Refusal("case.not-responsible");
        }

        if (Read(data) is not { } changes)
        {
            return Expectation.Refusal("validation.failed");
        }

        var candidates = definition.Transitions.Where(t => t.Trigger == trigger && t.From.Contains(model.State)).ToList();
        if (candidates.Count == 0)
        {
            return definition.Transitions.Any(t => t.Trigger == trigger)
                ? Expectation.Refusal("case.trigger-not-permitted", "wrong-state")
                : Expectation.Refusal("case.unknown-trigger", "unknown-trigger");
        }

        var after = new Dictionary<string, FieldValue>(model.Data, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            after[name] = value;
        }

        var context = new GuardContext(after, new CaseActor(actor.Id, roles, model.Handler.StartsWith("post:", StringComparison.Ordinal) ? model.Handler[5..] : null), parameters, now);
        var checks = candidates.Select(t => (Transition: t, Check: Check(t, model, context, roles, changes.Keys, reason))).ToList();
        var enabled = checks.Where(c => c.Check.Stage == 2 && c.Check.Refusals.Count == 0).Select(c => c.Transition).ToList();
        if (enabled.Count > 1)
        {
            throw new InvalidOperationException($"The definition lets {enabled.Count} alternatives of '{trigger}' hold at once in '{model.State}'.");
        }

        if (enabled is not [var taken])
        {
            var furthest = checks.Max(c => c.Check.Stage);
            return Expectation.Refusal("case.trigger-not-permitted", [.. checks.Where(c => c.Check.Stage == furthest).SelectMany(c => c.Check.Refusals).Distinct()]);
        }

        return Took(model, taken, acting, actor.Id, now, data);
    }

    private Expectation Took(CaseModel model, TransitionDefinition t, ActingRole acting, string actorId, DateTimeOffset now, IReadOnlyDictionary<string, JsonElement> data)
    {
        var from = model.State;
        var to = t.Internal ? from : t.To!;
        var outcome = StateOf(to).Outcome?.ToString().ToLowerInvariant();
        var next = t.Internal ? model.Handler : HandlerOf(to);
        var lines = new List<string>
        {
            $"transitioned {t.Trigger}: {from} -> {to}{(t.Internal ? " (internal)" : "")} as {acting}; handler {model.Handler} -> {(next.Length == 0 ? "none" : next)}; outcome {outcome ?? "none"}"
                + (t.Clears is { Count: > 0 } emptied ? $"; clears {string.Join(",", emptied.Order(StringComparer.Ordinal))}" : string.Empty),
        };
        var started = new List<string>();
        var stopped = new List<string>();
        var extended = definition.Clocks.FirstOrDefault(c => c.Extension?.Trigger == t.Trigger && model.Clocks.ContainsKey(c.Name));
        if (extended is not null)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"clock-extended {extended.Name}: +{extended.Extension!.By!.Amount} {Days(extended.Extension.By)} days"));
        }

        foreach (var clock in t.Internal ? [] : definition.Clocks)
        {
            var running = model.Clocks.TryGetValue(clock.Name, out var c) && c.Running;
            var stops = clock.StopsOn.Count == 0 ? StateOf(to).IsTerminal : clock.StopsOn.Contains(to);
            if (running && stops)
            {
                lines.Add($"clock-stopped {clock.Name}");
                stopped.Add(clock.Name);
            }
            else if (!model.Clocks.ContainsKey(clock.Name) && clock.StartsOn == to && clock.Limit is { } limit)
            {
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"clock-started {clock.Name}: {limit.Amount} {Days(limit)} days"));
                started.Add(clock.Name);
            }
        }

        return new Expectation(null, [], lines, m =>
        {
            m.Fired.Add(t.Trigger);
            foreach (var (name, json) in data)
            {
                m.Data[name] = FieldValue.FromJson(json, FieldOf(name)!.Type!.Value)!.Value;
            }

            foreach (var name in t.Clears ?? [])
            {
                m.Data[name] = FieldValue.Null;
            }

            if (extended is not null)
            {
                m.Clocks[extended.Name] = m.Clocks[extended.Name] with { Extensions = m.Clocks[extended.Name].Extensions + 1 };
            }

            stopped.ForEach(s => m.Clocks[s] = m.Clocks[s] with { Running = false });
            started.ForEach(s => m.Clocks[s] = (true, 0));
            if (t.Internal)
            {
                m.Acted(acting, actorId, now);
                return;
            }

            (m.State, m.Handler, m.Step, m.Closed) = (to, next, new StepFacts(now), outcome is not null);
        });
    }

    private static string Days(Period period) => period.Unit == PeriodUnit.WorkingDays ? "working" : "calendar";

    /// <summary>How far a transition gets: roles (0), guard (1), conditions (2), with the refusals where it stops.</summary>
    private (int Stage, IReadOnlyList<string> Refusals) Check(TransitionDefinition t, CaseModel model, GuardContext context, HashSet<CaseRole> roles, IEnumerable<string> setting, string? reason)
    {
        if (!t.Roles.Any(roles.Contains))
        {
            return (0, ["role-not-allowed"]);
        }

        if (_guards[t] is { } guard)
        {
            try
            {
                if (!guard.Evaluate(context))
                {
                    return (1, ["guard-false", .. MissingMaterials(t, model, context)]);
                }
            }
            catch (GuardEvaluationException)
            {
                return (1, ["guard-error", .. MissingMaterials(t, model, context)]);
            }
        }

        var refusals = new List<string>();
        if (definition.Clocks.FirstOrDefault(c => c.Extension?.Trigger == t.Trigger) is { Extension: { } extension } clock
            && model.Clocks.GetValueOrDefault(clock.Name).Extensions >= extension.Times)
        {
            refusals.Add("extension-exhausted");
        }

        if (t.Once && model.Fired.Contains(t.Trigger))
        {
            refusals.Add("already-fired");
        }

        if (t.RequiresReason && string.IsNullOrWhiteSpace(reason))
        {
            refusals.Add("reason-required");
        }

        refusals.AddRange(setting.Where(f => !t.Sets.Contains(f)).Select(_ => "field-not-settable"));
        if (!t.Internal && t.To != model.State)
        {
            refusals.AddRange(definition.Fields.Where(f => f.RequiredFrom == t.To && context.Data.GetValueOrDefault(f.Name).IsNull).Select(_ => "missing-field"));
            refusals.AddRange(MissingMaterials(t, model, context));
        }

        return (2, refusals);
    }

    /// <summary>A refusal per document the transition's destination needs and the case lacks; none for a transition that stays.</summary>
    private IEnumerable<string> MissingMaterials(TransitionDefinition t, CaseModel model, GuardContext context) =>
        t.Internal || t.To == model.State
            ? []
            : definition.Materials.Where(m => m.RequiredFrom == t.To && !model.Materials.Contains(m.Id) && Applies(m, context)).Select(_ => "missing-material");

    /// <summary>Whether a material's condition holds for the case (one that cannot be evaluated applies).</summary>
    private bool Applies(MaterialDefinition material, GuardContext context)
    {
        try
        {
            return _materialConditions[material.Id]?.Evaluate(context) ?? true;
        }
        catch (GuardEvaluationException)
        {
            return true;
        }
    }

    public FieldDefinition? FieldOf(string name) => definition.Fields.FirstOrDefault(f => f.Name == name);

    /// <summary>Reads data against the field definitions; null when any value is not allowed.</summary>
    public Dictionary<string, FieldValue>? Read(IReadOnlyDictionary<string, JsonElement> data)
    {
        var read = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (name, json) in data)
        {
            if (FieldOf(name) is not { Type: { } type } field || FieldValue.FromJson(json, type) is not { } value)
            {
                return null;
            }

            var allowed = value.Kind switch
            {
                FieldValueKind.Number => (field.Min is null || value.AsNumber >= field.Min) && (field.Max is null || value.AsNumber <= field.Max),
                FieldValueKind.Text when type == FieldType.Enum => field.Values.Contains(value.AsText),
                FieldValueKind.Text when _patterns.TryGetValue(name, out var pattern) => pattern.IsMatch(value.AsText),
                FieldValueKind.List => field.Values.Count == 0 || value.AsList.All(field.Values.Contains),
                _ => true,
            };
            if (!allowed)
            {
                return null;
            }

            read[name] = value;
        }

        return read;
    }
}
