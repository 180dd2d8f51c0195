namespace Affairs.EventStore;

/// <summary>
/// The store could not be reached or did not answer in time (file locked or unavailable, server down, connection
/// refused or dropped, deadline exceeded). Transient: the same call may succeed later. Every adapter reports such a
/// fault with this one type, keeping the driver's exception as <see cref="Exception.InnerException"/>; the message
/// never carries a connection string or a password.
/// </summary>
/// <remarks>
/// An append that fails this way may or may not have been written (the connection can drop after the commit): a
/// retry with the same event ids is recognised as idempotent, so retrying is safe.
/// </remarks>
public sealed class EventStoreUnavailableException : Exception
{
    /// <summary>The wait suggested when the adapter has no better estimate.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What could not be reached, without secrets.</param>
    /// <param name="innerException">The driver's exception.</param>
    /// <param name="retryAfter">How long a caller should wait before trying again; <see cref="DefaultRetryAfter"/> if omitted.</param>
    public EventStoreUnavailableException(string message, Exception? innerException = null, TimeSpan? retryAfter = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter is { } delay && delay > TimeSpan.Zero ? delay : DefaultRetryAfter;
    }

    /// <summary>How long a caller should wait before trying again.</summary>
    public TimeSpan RetryAfter { get; }
}
