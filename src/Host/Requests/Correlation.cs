using System.Diagnostics;

namespace Affairs.Host.Requests;

/// <summary>
/// Takes the request's correlation id from <c>X-Correlation-Id</c> (up to 100 visible ASCII characters) or makes one,
/// returns it on the response, and opens a log scope with it. Commands carry it into their events' metadata.
/// </summary>
internal sealed class Correlation(RequestDelegate next, ILogger<Correlation> logger)
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "affairs.correlation";

    public static string Of(HttpContext context) => context.Items[ItemKey] as string ?? context.TraceIdentifier;

    public async Task InvokeAsync(HttpContext context)
    {
        var given = context.Request.Headers[Header].ToString();
        var id = given.Length is > 0 and <= 100 && given.All(c => c is > ' ' and <= '~')
            ? given
            : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        context.Items[ItemKey] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("affairs.correlation_id", id);
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
        {
            await next(context);
        }
    }
}
