using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.Workflows.AffairTypes;
using Microsoft.AspNetCore.Diagnostics;

namespace Affairs.Host.Problems;

/// <summary>Turns every exception into problem+json; a client never sees a stack trace or an exception's type.</summary>
internal sealed class ExceptionProblemHandler(ILogger<ExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true;
        }

        var result = exception switch
        {
            CommandRejectedException rejection => ApiProblems.From(rejection),
            AffairTypeNotFoundException notFound => ApiProblems.Create(StatusCodes.Status404NotFound, "affair-type.not-found", "Not found", notFound.Message),
            BadHttpRequestException bad => FromBadRequest(bad),
            JsonException => MalformedJson(),
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

    private static IResult FromBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => ApiProblems.Create(bad.StatusCode, ProblemCodes.TooLarge, "Request too large", "The request body exceeds the size limit."),
        StatusCodes.Status415UnsupportedMediaType => ApiProblems.Create(bad.StatusCode, ProblemCodes.UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."),
        _ when bad.InnerException is JsonException => MalformedJson(),
        _ => ApiProblems.Create(StatusCodes.Status400BadRequest, ProblemCodes.InvalidRequest, "Bad request", bad.Message),
    };

    private static IResult MalformedJson() =>
        ApiProblems.Create(StatusCodes.Status400BadRequest, ProblemCodes.MalformedJson, "Malformed JSON", "The request body is not valid JSON of the expected shape.");
}
