using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Affairs.LoadTest;

/// <summary>
/// The floor of the host's CPU per request (<c>--floor paced|free</c>): a server with the routes the clients use and nothing of
/// the engine. It runs in a process of its own (<c>Affairs.LoadTest floor-host</c>), on Kestrel like the host, checks
/// the API key header, reads each JSON body into a typed request, appends one journal line per request to a file
/// through a group commit (one writer thread; every batch written and fsynced before its requests are answered, as the
/// SQLite store commits at durability FULL), and answers JSON with the revision in <c>ETag</c>. No state machine, no
/// authorization, no projection: what it costs per request is what serving a durable write over HTTP costs on this
/// machine, at the request rate the clients reach, before any of the host's own work.
/// </summary>
internal static class FloorHost
{
    public const string Verb = "floor-host";

    /// <summary>Serves until killed: <c>floor-host URL FOLDER KEY...</c> (the keys it accepts).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 4)
        {
            await Console.Error.WriteLineAsync("usage: floor-host URL FOLDER KEY [KEY...]");
            return 2;
        }

        var keys = args[3..].ToHashSet(StringComparer.Ordinal);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(args[1]);
        await using var journal = new GroupCommit(Path.Combine(args[2], "floor.journal"));
        var app = builder.Build();
        long next = 0;
        app.MapGet("/health/live", () => "ok");
        app.MapPost("/api/cases", async (HttpContext http, OpenBody body) =>
        {
            if (!Accepted(http, keys))
            {
                return Results.Unauthorized();
            }

            var id = "floor-" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
            await journal.AppendAsync($"{id} opened {body.AffairTypeId} {body.SubjectId}");
            return Answer(http, id, 0, StatusCodes.Status201Created);
        });
        app.MapPost("/api/cases/{id}/materials", async (HttpContext http, string id, MaterialBody body) =>
        {
            if (!Accepted(http, keys))
            {
                return Results.Unauthorized();
            }

            await journal.AppendAsync($"{id} attached {body.MaterialId} {body.ContentHash}");
            return Answer(http, id, 0, StatusCodes.Status200OK);
        });
        app.MapPost("/api/cases/{id}/triggers/{trigger}", async (HttpContext http, string id, string trigger, TriggerBody body) =>
        {
            if (!Accepted(http, keys))
            {
                return Results.Unauthorized();
            }

            var revision = long.TryParse(http.Request.Headers.IfMatch.ToString().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r + 1 : 0;
            await journal.AppendAsync($"{id} {trigger} {revision} {body.Reason}");
            return Answer(http, id, revision, StatusCodes.Status200OK);
        });
        await app.RunAsync();
        return 0;
    }

    private static bool Accepted(HttpContext http, HashSet<string> keys) =>
        http.Request.Headers.TryGetValue("X-Api-Key", out var key) && keys.Contains(key.ToString());

    private static IResult Answer(HttpContext http, string id, long revision, int status)
    {
        http.Response.Headers.ETag = "\"" + revision.ToString(CultureInfo.InvariantCulture) + "\"";
        return Results.Json(new FloorAnswer(id, revision), statusCode: status);
    }

    private sealed record OpenBody(string? AffairTypeId, string? SubjectId, string? Channel, JsonElement? Data);

    private sealed record MaterialBody(string? MaterialId, string? FileName, string? MediaType, long SizeBytes, string? ContentHash);

    private sealed record TriggerBody(string? Reason, JsonElement? Data);

    private sealed record FloorAnswer(string CaseId, long Revision);

    /// <summary>One writer thread: takes every line waiting, writes them, fsyncs, then completes their appends.</summary>
    private sealed class GroupCommit : IAsyncDisposable
    {
        private readonly BlockingCollection<(string Line, TaskCompletionSource Done)> _pending = [];
        private readonly FileStream _file;
        private readonly Thread _writer;

        public GroupCommit(string path)
        {
            _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            _writer = new Thread(Write) { IsBackground = true, Name = "floor-writer" };
            _writer.Start();
        }

        public Task AppendAsync(string line)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending.Add((line, done));
            return done.Task;
        }

        public async ValueTask DisposeAsync()
        {
            _pending.CompleteAdding();
            _writer.Join();
            await _file.DisposeAsync();
            _pending.Dispose();
        }

        private void Write()
        {
            var batch = new List<(string Line, TaskCompletionSource Done)>();
            foreach (var first in _pending.GetConsumingEnumerable())
            {
                batch.Add(first);
                while (_pending.TryTake(out var more))
                {
                    batch.Add(more);
                }

                foreach (var (line, _) in batch)
                {
                    _file.Write(Encoding.UTF8.GetBytes(line + "\n"));
                }

                _file.Flush(flushToDisk: true);
                foreach (var (_, done) in batch)
                {
                    done.TrySetResult();
                }

                batch.Clear();
            }
        }
    }
}
