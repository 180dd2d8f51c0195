namespace Affairs.Host.Requests;

/// <summary>An If-Match header that is not one strong entity tag holding a revision number.</summary>
internal sealed class MalformedIfMatchException : Exception
{
    public MalformedIfMatchException()
        : base("If-Match must be one revision as a strong entity tag, such as \"7\".")
    {
    }

    public MalformedIfMatchException(string message)
        : base(message)
    {
    }

    public MalformedIfMatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
