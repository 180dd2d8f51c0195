namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>
/// A guard that could not be evaluated on the data given (a division by zero, a policy parameter with no value on
/// the decision date). Type faults cannot occur here: they are refused when the definition is loaded.
/// </summary>
public sealed class GuardEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GuardEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public GuardEvaluationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public GuardEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
