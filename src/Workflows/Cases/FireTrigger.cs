using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Fires a trigger on a case: the pinned definition's machine decides, for this actor in the role the AB-post rules
/// give them now, with the policy in force today.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="Trigger">The trigger (<c>accept</c>).</param>
/// <param name="ExpectedRevision">The revision the client saw (If-Match); null lets the engine retry once on a conflict.</param>
/// <param name="Reason">The actor's reason; required by some transitions, always by rejections.</param>
/// <param name="Data">Data set with the trigger, by field name; only fields the transition may set.</param>
/// <param name="Context">Who fires it, and tracing.</param>
public sealed record FireTrigger(
    string CaseId,
    string Trigger,
    long? ExpectedRevision,
    string? Reason,
    IReadOnlyDictionary<string, JsonElement>? Data,
    CommandContext Context) : ICommand<CaseRevision>, IAffairsCommand;

internal sealed class FireTriggerValidator : ICommandValidator<FireTrigger>
{
    public void Validate(FireTrigger command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Trigger), "trigger", "A trigger is required.")
            .AddIf(command.Reason is { Length: > 2000 }, "reason", "A reason has at most 2000 characters.")
            .AddIf(command.ExpectedRevision is < 0, "expectedRevision", "A revision is 0 or more.");
}

internal sealed class FireTriggerHandler(CaseEngine engine) : ICommandHandler<FireTrigger, CaseRevision>
{
    public ValueTask<CaseRevision> Handle(FireTrigger command, CancellationToken cancellationToken) =>
        FireAsync(engine, command, command, cancellationToken);

    /// <summary>Fires <paramref name="fire"/> on its case as <paramref name="command"/> (itself, or a command that fires a trigger).</summary>
    internal static async ValueTask<CaseRevision> FireAsync(CaseEngine engine, IAffairsCommand command, FireTrigger fire, CancellationToken cancellationToken)
    {
        var organisation = await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false);
        return await engine.Streams.ExecuteAsync(
            CaseStreams.For(fire.CaseId),
            CaseStreams.Fold,
            fire.ExpectedRevision,
            command,
            async loaded => Decide(fire, await engine.InputsAsync(loaded, fire.CaseId, organisation, withHandlers: true, cancellationToken).ConfigureAwait(false), engine.Participants),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The decision, a pure function of the command and what was loaded for it: the pinned machine, built for the actor
    /// in the role the AB-post rules give them now, fires the trigger, and the transition it took — the alternative
    /// whose guard held — is what is recorded, with its clock facts and the next step's handler.
    /// </summary>
    internal static Decision<CaseRevision> Decide(FireTrigger command, CaseInputs inputs, CaseParticipants participants)
    {
        var (state, _, type, organisation, parameters, handlers, now, calendar) = inputs;
        CaseStreams.RequireOpen(state);
        var participant = participants.Of(command.Context.Actor, state, organisation, now, calendar);
        if (participant.Refusal is { } refusal)
        {
            throw new CommandRejectedException(RejectionKind.Forbidden, "case.not-responsible", refusal, Responsible(participant));
        }

        var changes = CaseEngine.ReadChanges(type, command.Data);
        var situation = CaseEngine.Situation(type, state);
        var machine = type.CreateMachine(situation, participant.CaseActor, parameters, now, new FireRequest(command.Trigger, command.Reason, changes));
        var answer = machine.Answer(command.Trigger);
        if (!answer.Permitted)
        {
            var permitted = type.CreateMachine(situation, participant.CaseActor, parameters, now).PermittedTriggers;
            throw NotPermitted(command, state.State, answer, permitted);
        }

        var taken = machine.Fire(command.Trigger);
        var transitioned = new CaseTransitioned(
            state.CaseId, command.Trigger, state.State, taken.To, taken.IsInternal,
            command.Context.Actor.Id, participant.ActingRole, state.Handler, participant.ActingReason, command.Reason,
            Recorded(command.Data, taken),
            taken.IsInternal ? state.Handler : handlers.GetValueOrDefault(taken.To),
            taken.IsInternal ? null : CaseEngine.OutcomeOf(type.State(taken.To)),
            now, state.DefinitionVersion);
        var clocks = CaseEngine.ClockFacts(type, state, taken, now, command.Context.Actor.Id, participant.ActingRole, command.Reason);
        return new Decision<CaseRevision>(
            [transitioned, .. clocks],
            revision => new CaseRevision(state.CaseId, revision, taken.To, transitioned.Outcome));
    }

    /// <summary>
    /// The data the event records: what the actor set, and each field the transition clears as null (the validator
    /// keeps a field from being both), so that replaying the log empties it without reading the definition's rules.
    /// </summary>
    private static IReadOnlyDictionary<string, JsonElement> Recorded(IReadOnlyDictionary<string, JsonElement>? given, CompiledTransition taken)
    {
        if (taken.Definition.Clears is not { Count: > 0 } clears)
        {
            return given ?? new Dictionary<string, JsonElement>();
        }

        var data = given is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : new Dictionary<string, JsonElement>(given, StringComparer.Ordinal);
        foreach (var field in clears)
        {
            data.TryAdd(field, Null);
        }

        return data;
    }

    private static readonly JsonElement Null = JsonDocument.Parse("null").RootElement.Clone();

    private static Dictionary<string, object?> Responsible(CaseParticipant participant) => new()
    {
        ["responsible"] = participant.Responsibility?.StaffId,
        ["responsibleRole"] = participant.Responsibility?.Role.ToString(),
    };

    /// <summary>The refusals spelled out in a refusal's detail; all of them are in its <c>refusals</c>.</summary>
    private const int MaxRefusalsInDetail = 3;

    private static CommandRejectedException NotPermitted(FireTrigger command, string state, TriggerAnswer answer, IReadOnlyList<string> permitted) => new(
        RejectionKind.NotPermitted,
        answer.Refusals.Any(r => r.Code == RefusalCodes.UnknownTrigger) ? "case.unknown-trigger" : "case.trigger-not-permitted",
        string.Create(CultureInfo.InvariantCulture, $"'{command.Trigger}' cannot be fired in state '{state}': {string.Join(" ", answer.Refusals.Take(MaxRefusalsInDetail).Select(r => r.Message))}{(answer.Refusals.Count > MaxRefusalsInDetail ? $" ({answer.Refusals.Count - MaxRefusalsInDetail} more in refusals.)" : string.Empty)}"),
        new Dictionary<string, object?>
        {
            ["state"] = state,
            ["refusals"] = answer.Refusals,
            ["permittedTriggers"] = permitted,
        });
}
