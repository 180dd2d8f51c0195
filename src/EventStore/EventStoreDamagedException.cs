namespace Affairs.EventStore;

/// <summary>
/// The store's own files or records cannot be read as the store wrote them: a file overwritten, truncated, or not a
/// database at all. Not transient, unlike <see cref="EventStoreUnavailableException"/>: nothing was changed, and the
/// store is not to be used until it is restored from a backup. The driver's exception is the inner one.
/// </summary>
public sealed class EventStoreDamagedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is damaged, without secrets.</param>
    /// <param name="innerException">The driver's exception.</param>
    public EventStoreDamagedException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
