namespace Affairs.Workflows.Timers;

/// <summary>What a timer does when it comes due.</summary>
public enum TimerKind
{
    /// <summary>A state's timer from the pinned definition fires its trigger (the public notice ends; a certification is suspended).</summary>
    State,

    /// <summary>Responsibility for a waiting step moved from A (A away or late, or both away): a takeover is recorded.</summary>
    Takeover,

    /// <summary>Twelve months after the last certification: the next retiree certification is opened.</summary>
    YearlyCertification,

    /// <summary>The subject was reported dead: the definition's death trigger starts the termination path.</summary>
    DeathReported,
}
