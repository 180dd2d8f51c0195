using Affairs.Domain.Cases;
using Affairs.EventStore;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Cases;

/// <summary>The <c>case-{id}</c> streams and their fold.</summary>
public sealed class CaseStreams : IStateFold<CaseState>
{
    /// <summary>The fold, shared: it is stateless.</summary>
    public static CaseStreams Fold { get; } = new();

    /// <inheritdoc />
    public CaseState Initial => CaseState.None;

    /// <summary>The stream of one case.</summary>
    public static StreamName For(string caseId) => StreamName.For("case", caseId);

    /// <summary>The case as read, refusing a missing one (404).</summary>
    public static CaseState Require(LoadedStream<CaseState> loaded, string caseId)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return loaded.Exists ? loaded.State : throw CommandRejectedException.NotFound("case.not-found", $"No case {caseId} exists.");
    }

    /// <summary>Refuses a closed case (422): its history is final.</summary>
    public static void RequireOpen(CaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsClosed)
        {
            throw new CommandRejectedException(
                RejectionKind.NotPermitted,
                "case.closed",
                $"Case {state.CaseId} is closed ({state.Outcome}); nothing more can be recorded on it.",
                new Dictionary<string, object?> { ["state"] = state.State, ["permittedTriggers"] = Array.Empty<string>() });
        }
    }

    /// <inheritdoc />
    public CaseState Apply(CaseState state, object @event) => CaseFold.Apply(state, @event);
}
