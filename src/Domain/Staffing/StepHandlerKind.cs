namespace Affairs.Domain.Staffing;

/// <summary>The kinds of step handler.</summary>
public enum StepHandlerKind
{
    /// <summary>A post with A and B holders.</summary>
    Post,

    /// <summary>A grid with a worker and a backup.</summary>
    Grid,

    /// <summary>The section head.</summary>
    Supervisor,
}
