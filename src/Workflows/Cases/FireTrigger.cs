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
    public async ValueTask<CaseRevision> Handle(FireTrigger command, CancellationToken cancellationToken)
    {
        var organisation = await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false);
        return await engine.Streams.ExecuteAsync(
            CaseStreams.For(command.CaseId),
            CaseStreams.Fold,
            command.ExpectedRevision,
            command.Context,
            async loaded =>
            {
                var state = CaseStreams.Require(loaded, command.CaseId);
                var nextHandlers = await engine.HandlersAsync(engine.TypeOf(state), state.SubjectKind, state.SubjectId, cancellationToken).ConfigureAwait(false);
                return Decide(command, loaded, organisation, nextHandlers);
            },
            cancellationToken).ConfigureAwait(false);
    }

    private Decision<CaseRevision> Decide(FireTrigger command, LoadedStream<Domain.Cases.CaseState> loaded, Domain.Staffing.Organisation organisation, IReadOnlyDictionary<string, string?> nextHandlers)
    {
        var state = CaseStreams.Require(loaded, command.CaseId);
        CaseStreams.RequireOpen(state);
        var type = engine.TypeOf(state);
        var now = engine.Now();
        var participant = engine.Participants.Of(command.Context.Actor, state, organisation, now);
        if (participant.Refusal is { } refusal)
        {
            throw new CommandRejectedException(RejectionKind.Forbidden, "case.not-responsible", refusal, Responsible(participant));
        }

        var changes = CaseEngine.ReadChanges(type, command.Data);
        var parameters = engine.Parameters(type, now);
        var situation = CaseEngine.Situation(type, state);
        var machine = type.CreateMachine(situation, participant.CaseActor, parameters, now, new FireRequest(command.Trigger, command.Reason, changes));
        var answer = machine.Answer(command.Trigger);
        if (!answer.Permitted)
        {
            var permitted = type.CreateMachine(situation, participant.CaseActor, parameters, now).PermittedTriggers;
            throw NotPermitted(command, state.State, answer, permitted);
        }

        var transition = type.Transitions.First(t => t.From == state.State && t.Trigger == command.Trigger);
        var destination = machine.Fire(command.Trigger);
        var to = type.State(destination);
        var transitioned = new CaseTransitioned(
            state.CaseId, command.Trigger, state.State, destination, transition.IsInternal,
            command.Context.Actor.Id, participant.ActingRole, state.Handler, participant.ActingReason, command.Reason,
            command.Data ?? new Dictionary<string, JsonElement>(),
            transition.IsInternal ? state.Handler : nextHandlers.GetValueOrDefault(destination),
            transition.IsInternal ? null : CaseEngine.OutcomeOf(to),
            now, state.DefinitionVersion);
        var clocks = CaseEngine.ClockFacts(type, state, transition, now, command.Context.Actor.Id, participant.ActingRole, command.Reason);
        return new Decision<CaseRevision>(
            [transitioned, .. clocks],
            r => new CaseRevision(state.CaseId, r!.NextExpectedRevision, destination, transitioned.Outcome));
    }

    private static Dictionary<string, object?> Responsible(CaseParticipant participant) => new()
    {
        ["responsible"] = participant.Responsibility?.StaffId,
        ["responsibleRole"] = participant.Responsibility?.Role.ToString(),
    };

    private static CommandRejectedException NotPermitted(FireTrigger command, string state, TriggerAnswer answer, IReadOnlyList<string> permitted) => new(
        RejectionKind.NotPermitted,
        answer.Refusals.Any(r => r.Code == RefusalCodes.UnknownTrigger) ? "case.unknown-trigger" : "case.trigger-not-permitted",
        string.Create(CultureInfo.InvariantCulture, $"'{command.Trigger}' cannot be fired in state '{state}': {string.Join(" ", answer.Refusals.Select(r => r.Message))}"),
        new Dictionary<string, object?>
        {
            ["state"] = state,
            ["refusals"] = answer.Refusals,
            ["permittedTriggers"] = permitted,
        });
}
