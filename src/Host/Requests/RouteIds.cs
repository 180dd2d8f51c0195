using Affairs.Host.Problems;
using Affairs.Workflows.Pipeline;

namespace Affairs.Host.Requests;

/// <summary>
/// Answers 404 for a route whose id (any route value: a case, resident, post, trigger…) breaks the id rule of
/// <see cref="InputLimits"/>: no resource can have such an id. The id is not repeated in the answer.
/// </summary>
internal static class RouteIds
{
    public static ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var (name, value) in context.HttpContext.Request.RouteValues)
        {
            if (value is string id && !InputLimits.IsId(id))
            {
                return ValueTask.FromResult<object?>(ApiProblems.Create(StatusCodes.Status404NotFound, ProblemCodes.NotFound, "Not found",
                    $"No resource has this {name}: {InputLimits.IdRule}"));
            }
        }

        return next(context);
    }
}
