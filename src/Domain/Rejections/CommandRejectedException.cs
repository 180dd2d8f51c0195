namespace Affairs.Domain.Rejections;

/// <summary>
/// A command refused for a reason the caller can act on. Nothing was written. <see cref="Code"/> is stable — clients
/// may branch on it — and <see cref="Details"/> carries what the caller needs next (field errors, the current revision,
/// the permitted triggers). Messages never contain personal data.
/// </summary>
public sealed class CommandRejectedException : Exception
{
    /// <summary>Creates the rejection.</summary>
    /// <param name="kind">The class of refusal.</param>
    /// <param name="code">A stable, dotted code such as <c>case.trigger-not-permitted</c>.</param>
    /// <param name="message">A sentence for people, free of personal data.</param>
    /// <param name="details">Machine-readable extras, by name.</param>
    public CommandRejectedException(RejectionKind kind, string code, string message, IReadOnlyDictionary<string, object?>? details = null)
        : base(message)
    {
        Kind = kind;
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    /// <summary>The class of refusal.</summary>
    public RejectionKind Kind { get; }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>What the caller needs next.</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }

    /// <summary>A validation rejection listing every problem, by field.</summary>
    public static CommandRejectedException Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(RejectionKind.Validation, "validation.failed", "The request has invalid fields.", new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>A not-found rejection.</summary>
    public static CommandRejectedException NotFound(string code, string message) => new(RejectionKind.NotFound, code, message);
}
