namespace Affairs.Workflows.Publishing;

/// <summary>
/// A publication that would change history: the version is already published with other content, or a higher
/// version already exists. Published versions are immutable; publish a new, higher version instead.
/// </summary>
public sealed class VersionConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VersionConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public VersionConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public VersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
