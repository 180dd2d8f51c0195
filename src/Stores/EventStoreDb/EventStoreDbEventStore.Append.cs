using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Appends;
using Affairs.Stores.EventStoreDb.Protocol;

namespace Affairs.Stores.EventStoreDb;

public sealed partial class EventStoreDbEventStore
{
    private readonly KnownTails _tails = new();

    /// <inheritdoc />
    /// <remarks>
    /// An exact or no-stream expectation goes to the server as it is: the server checks it atomically and recognises a
    /// retry by the ids at the expected place, as the port does. Any and stream-exists go through
    /// <see cref="TailDecision"/>, because the server's own retry detection for them differs from the port's; where this
    /// process wrote the stream's end itself, <see cref="KnownTails"/> decides without reading it first.
    /// </remarks>
    public Task<AppendResult> AppendAsync(
        StreamName stream,
        ExpectedRevision expected,
        IReadOnlyList<EventToAppend> events,
        CancellationToken cancellationToken = default)
    {
        EventBatch.Validate(stream, events);
        cancellationToken.ThrowIfCancellationRequested();
        return expected.IsExact || expected.IsNoStream
            ? AppendExpectingAsync(stream, expected, events, cancellationToken)
            : AppendAtEndAsync(stream, expected, events, cancellationToken);
    }

    private async Task<AppendResult> AppendExpectingAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken)
    {
        var outcome = await SendAsync(stream, expected, events, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            throw new WrongExpectedRevisionException(stream, expected, outcome.Revision);
        }

        // Written now or recognised as a retry, the batch sits right after the expected revision.
        var last = (expected.IsNoStream ? StreamRevision.None : expected.Value) + events.Count;
        return await ResultAsync(stream, last, outcome, events, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AppendResult> AppendAtEndAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken)
    {
        if (_tails.WriteAt(stream, expected, events) is { } remembered)
        {
            var first = await SendAsync(stream, remembered, events, cancellationToken).ConfigureAwait(false);
            var last = (remembered.IsNoStream ? StreamRevision.None : remembered.Value) + events.Count;

            // Only a fresh write right after the remembered end answers for itself; a refusal (someone appended since) or
            // a success without a position (the server recognised the ids) is decided from the tail as it is now.
            if (first.Succeeded && first.Position is not null && first.Revision == last)
            {
                return await ResultAsync(stream, last, first, events, cancellationToken).ConfigureAwait(false);
            }

            _tails.Forget(stream);
        }

        while (true)
        {
            var tail = await ReadStreamAsync(stream, ReadDirection.Backwards, StreamRevision.End, events.Count, cancellationToken)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var decision = TailDecision.Decide(expected, tail, events);
            switch (decision.Kind)
            {
                case AppendDecisionKind.Conflict:
                    throw new WrongExpectedRevisionException(stream, expected, decision.Current);
                case AppendDecisionKind.CheckRetry:
                    return decision.Retry!;
            }

            var outcome = await SendAsync(stream, decision.WriteAt, events, cancellationToken).ConfigureAwait(false);
            if (outcome.Succeeded)
            {
                return await ResultAsync(stream, decision.Current + events.Count, outcome, events, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Revision == decision.Current)
            {
                // Refused at the very revision it reports: not a race that looking again could win.
                throw new InvalidDataException($"The server refused an append to '{stream}' at the revision it reports the stream at.");
            }

            // Another writer appended between the read and the write: look at the new tail.
        }
    }

    /// <summary>
    /// Sends the append, again after a failure that leaves its outcome unknown (the node went away or lost its leadership
    /// mid-call), to the node found next. Repeating it is safe because every append sent expects an exact revision or no
    /// stream (any and stream-exists are turned into one by <see cref="AppendAtEndAsync"/>) and carries the caller's event
    /// ids: if the first try was written, the server finds those ids at the expected place and answers success without
    /// writing them again; if it was not, the repeat writes them, or is refused because another writer got there first.
    /// </summary>
    private async Task<AppendOutcome> SendAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOnceAsync(stream, expected, events, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The outcome is unknown: whatever this process remembers of the stream's end may be wrong now.
            _tails.Forget(stream);
            throw;
        }
    }

    private Task<AppendOutcome> SendOnceAsync(
        StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken) =>
        _router.CallAsync(
            async (node, options) =>
            {
                using var call = node.Streams.Append(options);
                await call.RequestStream.WriteAsync(AppendRequests.Options(stream, expected), cancellationToken).ConfigureAwait(false);
                foreach (var @event in events)
                {
                    await call.RequestStream.WriteAsync(AppendRequests.Message(@event), cancellationToken).ConfigureAwait(false);
                }

                await call.RequestStream.CompleteAsync().ConfigureAwait(false);
                return AppendResponses.Interpret(await call.ResponseAsync.ConfigureAwait(false), expected, events.Count);
            },
            cancellationToken);

    /// <summary>
    /// The result for <paramref name="events"/> ending at <paramref name="last"/>, remembered as the stream's end; where the
    /// answer does not name the last event's position, it is read.
    /// </summary>
    private async Task<AppendResult> ResultAsync(
        StreamName stream, long last, AppendOutcome outcome, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken)
    {
        _tails.Wrote(stream, last, events);
        if (outcome.Position is { } position)
        {
            return new AppendResult(last, position);
        }

        await foreach (var @event in ReadStreamAsync(stream, ReadDirection.Forwards, last, 1, cancellationToken).ConfigureAwait(false))
        {
            return new AppendResult(last, @event.Position);
        }

        throw new InvalidOperationException($"The server accepted an append to '{stream}' but has no event at revision {last}.");
    }
}
