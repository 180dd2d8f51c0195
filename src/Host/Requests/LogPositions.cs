using System.Globalization;
using Affairs.Domain.Rejections;
using Affairs.Host.OpenApi;
using Affairs.Host.Problems;
using Affairs.Workflows.Projections;
using Affairs.Workflows.Streams;

namespace Affairs.Host.Requests;

/// <summary>
/// Read-your-writes across hosts: an answer to a request that committed carries the log position of its commit as
/// <c>X-Affairs-Position</c>; a query that reads the read models (<see cref="ContractMetadata.ReadsBoard"/>) given that position as
/// <c>minPosition</c> waits until the read models have it, at most <see cref="ReadModelOptions.PositionWait"/>, then
/// answers 503 <c>projection.behind</c> with <c>Retry-After</c>.
/// </summary>
internal sealed class LogPositions(RequestDelegate next)
{
    /// <summary>The answer header with the log position of the request's commit.</summary>
    public const string Header = "X-Affairs-Position";

    /// <summary>The query parameter with the log position a query waits for.</summary>
    public const string MinPosition = "minPosition";

    /// <summary>The problem code of a query whose position the read models did not reach in time.</summary>
    public const string Behind = "projection.behind";

    public Task InvokeAsync(HttpContext context)
    {
        var tracker = CommitPositions.Track();
        context.Response.OnStarting(() =>
        {
            if (tracker.Position is { } position)
            {
                context.Response.Headers[Header] = position.ToString(CultureInfo.InvariantCulture);
            }

            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The route reads the read models: it takes <c>minPosition</c> and may answer 503 <c>projection.behind</c>.</summary>
    public static TBuilder WaitForMinPosition<TBuilder>(TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(BoardReadMetadata.Instance);
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            if (Requested(http) is { } position)
            {
                var projections = http.RequestServices.GetRequiredService<ProjectionEngine>();
                var wait = http.RequestServices.GetRequiredService<ReadModelOptions>().PositionWait;
                if (!await projections.WaitForAsync(position, wait, http.RequestAborted))
                {
                    http.Response.Headers.RetryAfter = "1";
                    return ApiProblems.Create(
                        StatusCodes.Status503ServiceUnavailable,
                        Behind,
                        "The read models are behind",
                        "The read models have not reached the requested log position yet; retry after the Retry-After seconds.",
                        [new("checkpoint", projections.Checkpoint)]);
                }
            }

            return await next(invocation);
        });
        return builder;
    }

    private static long? Requested(HttpContext http)
    {
        var given = http.Request.Query[MinPosition];
        if (given.Count == 0)
        {
            return null;
        }

        if (given.Count == 1 && long.TryParse(given[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position))
        {
            return position;
        }

        throw CommandRejectedException.Invalid(new Dictionary<string, string[]>
        {
            [MinPosition] = ["A log position: a whole number, at least 0, as given in X-Affairs-Position."],
        });
    }
}
