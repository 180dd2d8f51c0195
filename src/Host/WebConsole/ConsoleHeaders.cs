namespace Affairs.Host.WebConsole;

/// <summary>
/// The console's response headers: a strict Content-Security-Policy (scripts and styles only from the console's own
/// files, nothing inline, no framing), no content sniffing, no referrer, and no caching of pages with personal data.
/// </summary>
internal sealed class ConsoleHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; connect-src 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        if (ConsoleSession.Serves(context.Request))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!context.Request.Path.StartsWithSegments(ConsoleSession.PathPrefix + "/assets", StringComparison.OrdinalIgnoreCase))
            {
                headers.CacheControl = "no-store";
            }
        }

        return next(context);
    }
}
