namespace Affairs.Workflows.AffairTypes;

/// <summary>No such affair type or version in the catalog, or no version that may open new cases.</summary>
public sealed class AffairTypeNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AffairTypeNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AffairTypeNotFoundException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public AffairTypeNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
