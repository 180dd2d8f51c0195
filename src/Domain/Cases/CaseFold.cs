using Affairs.Domain.Cases.Events;
using Affairs.Domain.Staffing;

namespace Affairs.Domain.Cases;

/// <summary>
/// Folds case events into <see cref="CaseState"/>. Pure and rule-free: every decision (guards, clocks, responsibility)
/// was recorded as a fact when it was taken, so replay reproduces the state exactly without evaluating anything again.
/// </summary>
public static class CaseFold
{
    /// <summary>The state after <paramref name="event"/>.</summary>
    public static CaseState Apply(CaseState state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            CaseOpened e => CaseState.None with
            {
                CaseId = e.CaseId,
                AffairTypeId = e.AffairTypeId,
                DefinitionVersion = e.DefinitionVersion,
                SubjectKind = e.SubjectKind,
                SubjectId = e.SubjectId,
                Channel = e.Channel,
                State = e.State,
                Handler = e.Handler,
                Data = state.Data.SetItems(e.Data),
                Step = new StepFacts(e.OpenedAt),
                OpenedAt = e.OpenedAt,
            },
            CaseTransitioned e => Transitioned(state, e),
            CaseDataAmended e => Acted(state with { Data = state.Data.SetItems(e.Changes) }, e.ActorId, e.ActingRole, e.At),
            CaseMaterialAttached e => Acted(state with { Materials = state.Materials.Add(new AttachedMaterial(e.MaterialId, e.FileName, e.ContentHash, e.At)) }, e.ActorId, e.ActingRole, e.At),
            CaseNoteAdded e => Acted(state, e.ActorId, e.ActingRole, e.At),
            CaseReassigned e => state with { Step = state.Step with { ReassignedTo = e.ToStaffId } },
            CaseEscalated e => state with { Step = state.Step with { Takeovers = state.Step.Takeovers.Add(new StepTakeover(e.Reason, e.ToStaffId)) } },
            CaseClockStarted e => state with { Clocks = state.Clocks.SetItem(e.Clock, new CaseClock(e.Clock, e.At, e.LimitDays, e.WorkingDays, 0, 0, null)) },
            CaseClockExtended e when state.Clocks.TryGetValue(e.Clock, out var clock) =>
                state with { Clocks = state.Clocks.SetItem(e.Clock, clock with { ExtensionDays = clock.ExtensionDays + e.Days, Extensions = clock.Extensions + 1 }) },
            CaseClockStopped e when state.Clocks.TryGetValue(e.Clock, out var clock) =>
                state with { Clocks = state.Clocks.SetItem(e.Clock, clock with { StoppedAt = e.At }) },
            _ => state,
        };
    }

    private static CaseState Transitioned(CaseState state, CaseTransitioned e)
    {
        state = state.Fired.ContainsKey(e.Trigger) ? state : state with { Fired = state.Fired.Add(e.Trigger, e.DecisionTime) };
        var data = state.Data.SetItems(e.DataChanges);
        if (e.Internal)
        {
            return Acted(state with { Data = data }, e.ActorId, e.ActingRole, e.DecisionTime);
        }

        return state with
        {
            State = e.To,
            Handler = e.NextHandler ?? string.Empty,
            Data = data,
            Step = new StepFacts(e.DecisionTime),
            Outcome = e.Outcome,
            ClosedAt = e.Outcome is null ? null : e.DecisionTime,
        };
    }

    /// <summary>An act within the step: A's act stops A being late; B's act while covering keeps the step with B.</summary>
    private static CaseState Acted(CaseState state, string actorId, ActingRole role, DateTimeOffset at) => role switch
    {
        ActingRole.A => state with { Step = state.Step with { AActedAt = at } },
        ActingRole.B => state with { Step = state.Step with { CoveringBId = actorId } },
        _ => state,
    };
}
