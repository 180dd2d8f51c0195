using System.Globalization;
using Affairs.EventStore;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;

namespace Affairs.Workflows.Streams;

public sealed partial class StreamRepository
{
    /// <summary>
    /// Runs one command against one stream: load, fold, decide, append with the expected revision. On a conflict the
    /// command is retried once on the fresh state — but only when the client gave no expected revision, and only if it
    /// is still valid then (<paramref name="decide"/> runs again and may refuse). Otherwise the conflict is returned as a
    /// <see cref="RejectionKind.Conflict"/> carrying the current revision. The stream is read from where the previous
    /// command on it left off (its state is kept), so <paramref name="decide"/> gets the whole state, revision and last
    /// hash, but only the events this attempt read.
    /// </summary>
    /// <param name="stream">The stream the command acts on.</param>
    /// <param name="fold">Builds the state.</param>
    /// <param name="clientExpected">The revision the client says it saw, or null.</param>
    /// <param name="context">The command's context, for the events' metadata.</param>
    /// <param name="decide">Decides on the folded state; throws <see cref="CommandRejectedException"/> to refuse.</param>
    /// <param name="cancellationToken">Stops the work before the append.</param>
    public Task<TResult> ExecuteAsync<TState, TResult>(
        StreamName stream,
        IStateFold<TState> fold,
        long? clientExpected,
        CommandContext context,
        Func<LoadedStream<TState>, Decision<TResult>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return ExecuteAsync(stream, fold, clientExpected, context, loaded => ValueTask.FromResult(decide(loaded)), cancellationToken);
    }

    /// <summary>
    /// As the other overload, for a decision that must read something else first (a case's handlers need its subject's
    /// grid): the stream is still read once per attempt, and <paramref name="decide"/> runs on what was read.
    /// </summary>
    /// <param name="stream">The stream the command acts on.</param>
    /// <param name="fold">Builds the state.</param>
    /// <param name="clientExpected">The revision the client says it saw, or null.</param>
    /// <param name="context">The command's context, for the events' metadata.</param>
    /// <param name="decide">Decides on the folded state; throws <see cref="CommandRejectedException"/> to refuse.</param>
    /// <param name="cancellationToken">Stops the work before the append.</param>
    public async Task<TResult> ExecuteAsync<TState, TResult>(
        StreamName stream,
        IStateFold<TState> fold,
        long? clientExpected,
        CommandContext context,
        Func<LoadedStream<TState>, ValueTask<Decision<TResult>>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await LoadLatestAsync(stream, fold, cancellationToken).ConfigureAwait(false);
            if (clientExpected is { } expected && expected != loaded.Revision)
            {
                throw Conflict(stream, expected, loaded.Revision);
            }

            var decision = await decide(loaded).ConfigureAwait(false);
            if (decision.Events.Count == 0)
            {
                return decision.Answer(null);
            }

            try
            {
                var result = await AppendAsync(loaded, decision.Events, context.Metadata, cancellationToken).ConfigureAwait(false);
                return decision.Answer(result);
            }
            catch (WrongExpectedRevisionException conflict)
            {
                if (clientExpected is not null || attempt > 0)
                {
                    throw Conflict(stream, clientExpected ?? loaded.Revision, conflict.Actual);
                }

                // Someone else appended first: decide again, once, on what they wrote.
            }
        }
    }

    /// <summary>The rejection for a stale revision, carrying the current one.</summary>
    public static CommandRejectedException Conflict(StreamName stream, long expected, long actual) => new(
        RejectionKind.Conflict,
        "concurrency.conflict",
        string.Create(CultureInfo.InvariantCulture, $"{stream.Category} was changed meanwhile: expected revision {expected}, it is now at {actual}."),
        new Dictionary<string, object?> { ["expectedRevision"] = expected, ["currentRevision"] = actual });
}
