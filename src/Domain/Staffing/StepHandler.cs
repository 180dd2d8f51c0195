namespace Affairs.Domain.Staffing;

/// <summary>Who handles a case step: a post, a grid (its grid worker), or the supervisor.</summary>
/// <param name="Kind">Post, grid or supervisor.</param>
/// <param name="Id">The post id or grid id; empty for the supervisor.</param>
public sealed record StepHandler(StepHandlerKind Kind, string Id)
{
    /// <summary>The step belongs to a post.</summary>
    public static StepHandler Post(string postId) => new(StepHandlerKind.Post, postId);

    /// <summary>The step belongs to the grid worker of a grid.</summary>
    public static StepHandler Grid(string gridId) => new(StepHandlerKind.Grid, gridId);

    /// <summary>The step belongs to the supervisor.</summary>
    public static StepHandler Supervisor { get; } = new(StepHandlerKind.Supervisor, string.Empty);

    /// <inheritdoc />
    public override string ToString() => Kind == StepHandlerKind.Supervisor ? "supervisor" : $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
