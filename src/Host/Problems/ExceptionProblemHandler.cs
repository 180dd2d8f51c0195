using System.Text.Json;
using System.Text.RegularExpressions;
using Affairs.Domain.Rejections;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Events;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;

namespace Affairs.Host.Problems;

/// <summary>
/// Turns every exception into problem+json; a client never sees a stack trace or an exception's type. A store that
/// cannot be reached is a 503 <c>store.unavailable</c> with <c>Retry-After</c>, not a 500: the request may succeed later.
/// </summary>
internal sealed partial class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var result = ExceptionChain.Find<EventStoreUnavailableException>(exception) is { } unavailable ? StoreUnavailable(httpContext, unavailable)
            : ExceptionChain.Find<StoredEventUnreadableException>(exception) is { } unreadable ? EventUnreadable(httpContext, unreadable)
            : exception switch
            {
                CommandRejectedException rejection => ApiProblems.From(rejection),
                AffairTypeNotFoundException notFound => ApiProblems.Create(StatusCodes.Status404NotFound, "affair-type.not-found", "Not found", notFound.Message),
                BadHttpRequestException bad => FromBadRequest(httpContext, bad),
                JsonException json => MalformedJson(httpContext, json),
                Requests.MalformedIfMatchException ifMatch => ApiProblems.Create(StatusCodes.Status400BadRequest, ProblemCodes.MalformedIfMatch, "Malformed If-Match", ifMatch.Message),
                _ => null,
            };
        if (result is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            result = ApiProblems.Create(StatusCodes.Status500InternalServerError, ProblemCodes.ServerError, "Internal error",
                "The request could not be completed. Quote the correlation id when reporting it.");
        }

        await result.ExecuteAsync(httpContext);
        return true;
    }

    private IResult StoreUnavailable(HttpContext httpContext, EventStoreUnavailableException unavailable)
    {
        LogStoreUnavailable(httpContext.Request.Method, httpContext.Request.Path, unavailable.InnerException?.GetType().Name ?? nameof(EventStoreUnavailableException));
        var seconds = (int)Math.Clamp(Math.Ceiling(unavailable.RetryAfter.TotalSeconds), 1, int.MaxValue);
        httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.Create(StatusCodes.Status503ServiceUnavailable, ProblemCodes.StoreUnavailable, "Store unavailable",
            $"The event store cannot be reached right now. Try again in {seconds} s.");
    }

    /// <summary>
    /// A stored event the request needed does not read as its type: the record was changed outside the engine. Not the
    /// caller's fault, so a 500; the detail names where (ids, never the data) so that an auditor can verify the ledger.
    /// </summary>
    private IResult EventUnreadable(HttpContext httpContext, StoredEventUnreadableException unreadable)
    {
        LogEventUnreadable(httpContext.Request.Method, httpContext.Request.Path, unreadable.Type, unreadable.Stream, unreadable.Revision, unreadable.Position);
        return ApiProblems.Create(StatusCodes.Status500InternalServerError, ProblemCodes.EventUnreadable, "Stored event unreadable",
            $"The stored event at revision {unreadable.Revision} of {unreadable.Stream} does not read as its type: the record was changed outside the engine. GET /api/ledger/verify names what changed.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} needed the stored event {Type} at revision {Revision} of {Stream} (log position {Position}), which does not read as its type")]
    private partial void LogEventUnreadable(string method, PathString path, string type, string stream, long revision, long position);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event store could not be reached on {Method} {Path} ({Fault})")]
    private partial void LogStoreUnavailable(string method, PathString path, string fault);

    private static IResult FromBadRequest(HttpContext http, BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => ApiProblems.Create(bad.StatusCode, ProblemCodes.TooLarge, "Request too large", "The request body exceeds the size limit."),
        StatusCodes.Status415UnsupportedMediaType => ApiProblems.Create(bad.StatusCode, ProblemCodes.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."),
        _ when bad.InnerException is JsonException json => MalformedJson(http, json),
        _ when IsMissingBody(bad) => ApiProblems.Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRequest, "Body required",
            "The request needs a JSON body.", [new("errors", new Dictionary<string, string[]> { ["body"] = ["Send a JSON object (an empty or null body is none)."] })]),
        _ => InvalidParameter(bad),
    };

    /// <summary>
    /// No body, or the JSON <c>null</c>, where the route reads one: the framework names its own parameter then, which
    /// means nothing to a client.
    /// </summary>
    private static bool IsMissingBody(BadHttpRequestException bad) =>
        bad.Message.EndsWith("was not provided from body.", StringComparison.Ordinal)
        || bad.Message.Contains("but no body was provided", StringComparison.Ordinal);

    /// <summary>The field that could not be read and what it accepts, from the JSON path; the value sent is not repeated.</summary>
    private static IResult MalformedJson(HttpContext http, JsonException json)
    {
        var (field, message) = Requests.JsonBodyErrors.Describe(json, (http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint())?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        return ApiProblems.Create(StatusCodes.Status400BadRequest, ProblemCodes.MalformedJson, "Malformed JSON",
            "The request body is not valid JSON of the expected shape.", [new("errors", new Dictionary<string, string[]> { [field] = [message] })]);
    }

    /// <summary>
    /// A route or query parameter that is missing or does not parse: named (the framework's message quotes its name
    /// between double quotes, after its type) but its value, which the framework's message also quotes, is left out.
    /// </summary>
    private static IResult InvalidParameter(BadHttpRequestException bad)
    {
        var name = ParameterName().Match(bad.Message) is { Success: true } match ? match.Groups["name"].Value : "request";
        return ApiProblems.Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRequest, "Bad request",
            $"The parameter '{name}' is missing or not of the expected type.", [new("errors", new Dictionary<string, string[]> { [name] = ["Missing or not of the expected type."] })]);
    }

    [GeneratedRegex(@"parameter ""[^""]*?(?<name>[A-Za-z_][A-Za-z0-9_]*)""")]
    private static partial Regex ParameterName();
}
