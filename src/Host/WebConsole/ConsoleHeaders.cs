namespace Affairs.Host.WebConsole;

/// <summary>
/// The console's response headers: a strict Content-Security-Policy (scripts and styles only from the console's own
/// files, nothing inline, no framing), no content sniffing, no referrer, and no caching of pages with personal data.
/// Forms post to the console only; with an OpenID Connect provider configured, the sign-in and sign-out forms' answers
/// also redirect to the provider's origin, which <c>form-action</c> then names too (browsers check redirects of a form
/// submission against it).
/// </summary>
internal sealed class ConsoleHeaders(RequestDelegate next, ConsoleSignIn signIn)
{
    private readonly string _policy = PolicyFor(signIn);

    public static string PolicyFor(ConsoleSignIn signIn) =>
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + (signIn.Provider is { } provider ? $"form-action 'self' {provider.Origin}; " : "form-action 'self'; ")
        + "frame-ancestors 'none'; base-uri 'none'; connect-src 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        if (ConsoleSession.Serves(context.Request))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
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
