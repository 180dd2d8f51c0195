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

    /// <summary>Reads the form <see cref="ToString"/> writes: <c>post:dibao</c>, <c>grid:g-01</c> or <c>supervisor</c>.</summary>
    /// <exception cref="FormatException">The text is none of these.</exception>
    public static StepHandler Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "supervisor")
        {
            return Supervisor;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon < text.Length - 1 && text[..colon] is "post" or "grid"
            ? new StepHandler(text[..colon] == "post" ? StepHandlerKind.Post : StepHandlerKind.Grid, text[(colon + 1)..])
            : throw new FormatException($"'{text}' is not a step handler (post:ID, grid:ID or supervisor).");
    }

    /// <inheritdoc />
    public override string ToString() => Kind == StepHandlerKind.Supervisor ? "supervisor" : $"{Kind.ToString().ToLowerInvariant()}:{Id}";
}
