namespace Affairs.Host.Problems;

/// <summary>
/// The stable <c>code</c> of problems the HTTP layer raises itself. Refusals from the engine keep the engine's codes
/// (<c>case.trigger-not-permitted</c>, <c>concurrency.conflict</c>, <c>validation.failed</c>, <c>affair-type.invalid</c>,
/// <c>publication.version-conflict</c>, …).
/// </summary>
internal static class ProblemCodes
{
    public const string Unauthenticated = "auth.unauthenticated";
    public const string Forbidden = "auth.forbidden";
    public const string NotFound = "http.not-found";
    public const string MethodNotAllowed = "http.method-not-allowed";
    public const string TooLarge = "request.too-large";
    public const string UnsupportedMediaType = "request.unsupported-media-type";
    public const string MalformedJson = "request.malformed-json";
    public const string InvalidRequest = "request.invalid";
    public const string MalformedIfMatch = "request.if-match-malformed";
    public const string ServerError = "server.error";
    public const string StoreUnavailable = "store.unavailable";
    public const string EventUnreadable = "store.event-unreadable";

    /// <summary>The code for a bare status the framework produced without one.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => Unauthenticated,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        >= 500 => ServerError,
        _ => InvalidRequest,
    };
}
