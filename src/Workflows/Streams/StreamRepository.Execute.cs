using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Streams;

public sealed partial class StreamRepository
{
    /// <summary>
    /// How often a command with an idempotency key re-reads after a conflict before giving up: each conflict means
    /// someone else appended, and the re-read either finds this key's effect (a concurrent duplicate won) or decides
    /// again on what they wrote.
    /// </summary>
    private const int KeyedAttempts = 4;

    /// <summary>
    /// Runs one command against one stream: load, fold, decide, append with the expected revision. On a conflict the
    /// command is retried once on the fresh state — but only when the client gave no expected revision, and only if it
    /// is still valid then (<paramref name="decide"/> runs again and may refuse). Otherwise the conflict is returned as a
    /// <see cref="RejectionKind.Conflict"/> carrying the current revision. The stream is read from where the previous
    /// command on it left off (its state is kept), so <paramref name="decide"/> gets the whole state, revision and last
    /// hash, but only the events this attempt read.
    /// </summary>
    /// <remarks>
    /// <para>
    /// When this process holds the stream's last known state (it read or wrote it last) and the stream is not contested
    /// (see <see cref="StreamSnapshots"/>), the first attempt decides on that state without reading the stream, and
    /// the append's expected revision checks it: if anyone else wrote meanwhile, the append is refused, nothing is
    /// written, and the command reads what they wrote and decides again as if it had read first. That refused attempt
    /// does not count as a conflict.
    /// </para>
    /// <para>
    /// A command with an idempotency key runs at most once per stream: its answer is written with its events (on the
    /// last one's metadata), in the same append, so the effect and the record of it cannot be separated by a crash.
    /// Before deciding, the stream is searched for the key; when found, the command is not decided again and the first
    /// answer is returned (or, for another payload, <c>idempotency.key-reused</c>). Concurrent duplicates race on the
    /// stream's revision: one appends, the others re-read and find its answer.
    /// </para>
    /// </remarks>
    /// <param name="stream">The stream the command acts on.</param>
    /// <param name="fold">Builds the state.</param>
    /// <param name="clientExpected">The revision the client says it saw, or null.</param>
    /// <param name="command">The command, for its context (the events' metadata) and its idempotency key.</param>
    /// <param name="decide">Decides on the folded state; throws <see cref="CommandRejectedException"/> to refuse.</param>
    /// <param name="cancellationToken">Stops the work before the append.</param>
    public Task<TResult> ExecuteAsync<TState, TResult>(
        StreamName stream,
        IStateFold<TState> fold,
        long? clientExpected,
        IAffairsCommand command,
        Func<LoadedStream<TState>, Decision<TResult>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return ExecuteAsync(stream, fold, clientExpected, command, loaded => ValueTask.FromResult(decide(loaded)), cancellationToken);
    }

    /// <summary>
    /// As the other overload, for a decision that must read something else first (a case's handlers need its subject's
    /// grid): the stream is still read once per attempt, and <paramref name="decide"/> runs on what was read.
    /// </summary>
    /// <param name="stream">The stream the command acts on.</param>
    /// <param name="fold">Builds the state.</param>
    /// <param name="clientExpected">The revision the client says it saw, or null.</param>
    /// <param name="command">The command, for its context (the events' metadata) and its idempotency key.</param>
    /// <param name="decide">Decides on the folded state; throws <see cref="CommandRejectedException"/> to refuse.</param>
    /// <param name="cancellationToken">Stops the work before the append.</param>
    public Task<TResult> ExecuteAsync<TState, TResult>(
        StreamName stream,
        IStateFold<TState> fold,
        long? clientExpected,
        IAffairsCommand command,
        Func<LoadedStream<TState>, ValueTask<Decision<TResult>>> decide,
        CancellationToken cancellationToken = default) =>
        ExecuteAsync(stream, fold, clientExpected, command, decide, startsStream: false, cancellationToken);

    /// <summary>
    /// As <see cref="ExecuteAsync{TState, TResult}(StreamName, IStateFold{TState}, long?, IAffairsCommand, Func{LoadedStream{TState}, Decision{TResult}}, CancellationToken)"/>,
    /// for a command that starts a stream that should not exist yet (a new case): the first attempt decides on the empty
    /// stream without reading it, and the append's no-stream expectation checks that. A stream that exists after all (a
    /// duplicate of the opening, an id given twice) refuses that append, and is read and decided on again.
    /// </summary>
    /// <param name="stream">The stream the command starts.</param>
    /// <param name="fold">Builds the state.</param>
    /// <param name="command">The command, for its context (the events' metadata) and its idempotency key.</param>
    /// <param name="decide">Decides on the folded state; throws <see cref="CommandRejectedException"/> to refuse.</param>
    /// <param name="cancellationToken">Stops the work before the append.</param>
    public Task<TResult> StartAsync<TState, TResult>(
        StreamName stream,
        IStateFold<TState> fold,
        IAffairsCommand command,
        Func<LoadedStream<TState>, Decision<TResult>> decide,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return ExecuteAsync(stream, fold, null, command, loaded => ValueTask.FromResult(decide(loaded)), startsStream: true, cancellationToken);
    }

    private async Task<TResult> ExecuteAsync<TState, TResult>(
        StreamName stream,
        IStateFold<TState> fold,
        long? clientExpected,
        IAffairsCommand command,
        Func<LoadedStream<TState>, ValueTask<Decision<TResult>>> decide,
        bool startsStream,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(decide);
        var context = command.Context;
        var key = context.IdempotencyKey is { Length: > 0 } k ? KeyedOutcome.Id(context.Actor.Id, k) : null;
        var payloadHash = key is null ? null : CommandPayload.Hash(command);
        // Unless the client saw another revision than this process last did: then read, and let the stream say who is right.
        var unread = _snapshots.FindUncontested(fold, stream.Value) is { } kept && (clientExpected ?? kept.Revision) == kept.Revision
            ? kept
            : startsStream && _snapshots.Find(fold, stream.Value) is null ? LoadedStream<TState>.Empty(stream, fold.Initial) : null;
        for (var attempt = 1; ; attempt++)
        {
            var loaded = unread ?? await LoadLatestAsync(stream, fold, cancellationToken).ConfigureAwait(false);
            if (key is not null && loaded.Outcomes.TryGetValue(key, out var earlier))
            {
                return Replay<TResult>(earlier, payloadHash!);
            }

            if (clientExpected is { } expected && expected != loaded.Revision)
            {
                throw Conflict(stream, expected, loaded.Revision);
            }

            var decision = await decide(loaded).ConfigureAwait(false);
            if (decision.Events.Count == 0)
            {
                return decision.Answer(loaded.Revision);
            }

            var answer = decision.Answer(loaded.Revision + decision.Events.Count);
            var last = key is null ? null : context.Metadata with { PayloadHash = payloadHash, Answer = JsonSerializer.SerializeToElement(answer, EventCodec.JsonOptions) };
            try
            {
                var written = await AppendChainedAsync(loaded, decision.Events, context.Metadata, cancellationToken, last).ConfigureAwait(false);
                _snapshots.Keep(fold, Appended(loaded, fold, written, key, last));
                return answer;
            }
            catch (WrongExpectedRevisionException) when (unread is not null)
            {
                // Decided on the state this process last knew, and someone else wrote since: nothing was written. Read
                // what they wrote and decide again; this attempt does not count.
                _snapshots.Contest(stream.Value);
                unread = null;
                attempt--;
            }
            catch (WrongExpectedRevisionException conflict)
            {
                var retry = clientExpected is null ? attempt < 2 : key is not null;
                if (!retry || attempt >= KeyedAttempts)
                {
                    throw Conflict(stream, clientExpected ?? loaded.Revision, conflict.Actual);
                }

                // Someone else appended first: read what they wrote. A duplicate of this command finds its answer
                // there; otherwise decide again, on the fresh state (a client revision now no longer matches: 409).
            }
        }
    }

    /// <summary>The rejection for a stale revision, carrying the current one.</summary>
    public static CommandRejectedException Conflict(StreamName stream, long expected, long actual) => new(
        RejectionKind.Conflict,
        "concurrency.conflict",
        string.Create(CultureInfo.InvariantCulture, $"{stream.Category} was changed meanwhile: expected revision {expected}, it is now at {actual}."),
        new Dictionary<string, object?> { ["expectedRevision"] = expected, ["currentRevision"] = actual });

    /// <summary>The refusal of an idempotency key sent again with another payload.</summary>
    public static CommandRejectedException KeyReused(string? command = null) => new(
        RejectionKind.NotPermitted,
        "idempotency.key-reused",
        "This idempotency key was already used for a different request.",
        command is null ? null : new Dictionary<string, object?> { ["command"] = command });

    private static TResult Replay<TResult>(KeyedOutcome earlier, string payloadHash) =>
        earlier.PayloadHash == payloadHash
            ? earlier.Answer.Deserialize<TResult>(EventCodec.JsonOptions)!
            : throw KeyReused();
}
