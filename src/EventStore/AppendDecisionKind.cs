namespace Affairs.EventStore;

/// <summary>The three outcomes of <see cref="AppendDecision.Decide"/>.</summary>
public enum AppendDecisionKind
{
    /// <summary>Write the events after the current revision.</summary>
    Write,

    /// <summary>Refuse with <see cref="WrongExpectedRevisionException"/>.</summary>
    Conflict,

    /// <summary>Compare the stored ids in the retry range first: equal means an idempotent retry.</summary>
    CheckRetry,
}
