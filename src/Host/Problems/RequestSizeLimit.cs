using Microsoft.AspNetCore.Http.Features;

namespace Affairs.Host.Problems;

/// <summary>
/// Refuses request bodies above <c>Affairs:MaxRequestBodyBytes</c> (default 1 MiB) with 413 before they are read,
/// and sets the server's own limit for bodies that do not declare their length.
/// </summary>
internal sealed class RequestSizeLimit(RequestDelegate next, long limit)
{
    public const long DefaultBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > limit)
        {
            await ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, ProblemCodes.TooLarge, "Request too large",
                $"The request body exceeds {limit} bytes.").ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
