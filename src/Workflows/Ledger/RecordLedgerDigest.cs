using Affairs.Domain.Rejections;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Ledger;

/// <summary>
/// Records the ledger digest in the log (<see cref="LedgerDigestRecorded"/>) when it is due: once
/// <paramref name="EveryEvents"/> events were written since the last record, or <paramref name="Interval"/> has passed
/// since it and anything was written. Each record covers at most <paramref name="EveryEvents"/> more events, so a log
/// that grew a lot since the last record gets several; the answer lists the records written.
/// </summary>
/// <param name="EveryEvents">How many events make a record due, and the most one record covers.</param>
/// <param name="Interval">How long after the last record any new event makes one due.</param>
/// <param name="Context">Who records it (the system actor), and tracing.</param>
public sealed record RecordLedgerDigest(int EveryEvents, TimeSpan Interval, CommandContext Context) : ICommand<IReadOnlyList<LedgerDigestRecorded>>, IAffairsCommand;

internal sealed class RecordLedgerDigestValidator : ICommandValidator<RecordLedgerDigest>
{
    public void Validate(RecordLedgerDigest command, ValidationErrors errors) =>
        errors.AddIf(command.EveryEvents < 1, "everyEvents", "A record is due after 1 event or more.")
            .AddIf(command.Interval <= TimeSpan.Zero, "interval", "The interval is longer than zero.");
}

internal sealed class RecordLedgerDigestHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<RecordLedgerDigest, IReadOnlyList<LedgerDigestRecorded>>
{
    public async ValueTask<IReadOnlyList<LedgerDigestRecorded>> Handle(RecordLedgerDigest command, CancellationToken cancellationToken)
    {
        var written = new List<LedgerDigestRecorded>();

        // Each pass records the next digest due; a key would answer every pass as the first, so passes carry none.
        var pass = command with { Context = command.Context with { IdempotencyKey = null } };
        while (true)
        {
            (LedgerDigestRecorded? next, bool more) = await streams.ExecuteAsync(
                LedgerStreams.Digests,
                LedgerStreams.Fold,
                null,
                pass,
                async loaded =>
                {
                    var (digest, full) = await NextAsync(loaded.State, command, cancellationToken).ConfigureAwait(false);
                    return new Decision<(LedgerDigestRecorded?, bool)>(digest is null ? [] : [digest], _ => (digest, full));
                },
                cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                return written;
            }

            written.Add(next);
            if (!more)
            {
                return written;
            }
        }
    }

    /// <summary>Carries the chain on from the last record over at most <see cref="RecordLedgerDigest.EveryEvents"/> events; the record, if due, and whether more may follow.</summary>
    private async Task<(LedgerDigestRecorded? Digest, bool Full)> NextAsync(LedgerDigestRecorded? previous, RecordLedgerDigest command, CancellationToken cancellationToken)
    {
        var links = previous is null ? new LedgerLinks() : new LedgerLinks(previous.Events, previous.LastPosition, previous.Digest);
        var heads = new SortedDictionary<string, StreamHead>(StringComparer.Ordinal);
        long read = 0;
        DateTimeOffset? firstWritten = null;
        await foreach (var recorded in streams.Store.ReadAllAsync(SubscriptionFilter.All, links.LastPosition, command.EveryEvents, cancellationToken).ConfigureAwait(false))
        {
            var hash = LedgerVerifier.LinkHash(recorded);
            links.Add(recorded, hash);
            heads[recorded.Stream.Value] = new StreamHead(recorded.Stream.Value, recorded.Revision, hash);
            read++;
            if (recorded.Stream.Category != LedgerStreams.Digests.Category)
            {
                firstWritten ??= recorded.Recorded;
            }
        }

        var now = time.GetUtcNow();
        var full = read == command.EveryEvents;
        var due = firstWritten is { } first && (full || now - (previous?.RecordedAt ?? first) >= command.Interval);
        return due ? (new LedgerDigestRecorded(links.Events, links.LastPosition, links.Digest, [.. heads.Values], now), full) : (null, false);
    }
}
