using Affairs.Host.Problems;
using Affairs.Host.Security;
using Affairs.Workflows.Commands;
using Microsoft.Net.Http.Headers;

namespace Affairs.Host.Requests;

/// <summary>What a request gives every command: the caller, a command id, the correlation id, the idempotency key and If-Match.</summary>
internal static class RequestCommands
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static CommandContext Context(HttpContext http)
    {
        // Any key is passed on: one the pipeline cannot accept (too long, not visible ASCII) is refused there with 400.
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        return new CommandContext(Caller.ActorOf(http.User), Guid.NewGuid().ToString("N"), Correlation.Of(http), key.Length > 0 ? key : null);
    }

    /// <summary>
    /// The revision in <c>If-Match: "7"</c>; null when absent or <c>*</c> (the engine then retries once on a conflict).
    /// Anything else is refused with 400.
    /// </summary>
    public static long? ExpectedRevision(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        if (EntityTagHeaderValue.TryParse(header, out var tag) && !tag.IsWeak
            && long.TryParse(tag.Tag.AsSpan().Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            return revision;
        }

        throw new MalformedIfMatchException();
    }

    public static string ETag(long revision) => $"\"{revision}\"";

    /// <summary>Awaits a write and answers 200 with its answer and the revision it reached as <c>ETag</c>.</summary>
    public static async Task<IResult> Revised<T>(HttpContext http, ValueTask<T> command, Func<T, long> revisionOf)
    {
        var answer = await command;
        http.Response.Headers.ETag = ETag(revisionOf(answer));
        return TypedResults.Ok(answer);
    }
}
