using Affairs.Domain.AffairTypes;

namespace Affairs.Workflows.AffairTypes;

/// <summary>A definition that does not validate; <see cref="Problems"/> lists every fault with its JSON path.</summary>
public sealed class AffairTypeInvalidException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AffairTypeInvalidException(string id, IReadOnlyList<DefinitionProblem> problems)
        : base($"The affair-type definition '{id}' has {problems.Count} problem(s): {string.Join("; ", problems.Take(5))}")
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public AffairTypeInvalidException()
    {
        Problems = [];
    }

    /// <summary>Creates the exception.</summary>
    public AffairTypeInvalidException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception.</summary>
    public AffairTypeInvalidException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }
}
