using System.Text.Json;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Google.Protobuf;

namespace Affairs.Stores.EventStoreDb.Leases;

/// <summary>
/// The scheduler lease on EventStoreDB: a lease stream written with an expected revision (the <see cref="StreamLease"/>
/// protocol), as events <c>scheduler.lease-acquired.v1</c>, <c>scheduler.lease-renewed.v1</c> and
/// <c>scheduler.lease-released.v1</c> naming the holder, when, and until when without renewing.
/// </summary>
/// <remarks>
/// <para>The stream, <see cref="Stream"/>, lies outside the application's log: its name has no <c>-</c>, so it is no
/// port stream name, no category's prefix selects it and the adapter's "every event" filter (<see cref="StreamFilters"/>)
/// leaves it out; projections, the feed and the ledger never see it. Its metadata keeps only the last
/// <see cref="KeptEvents"/> events (<c>$maxCount</c>), so the renewals every few seconds cost nothing once scavenged.</para>
/// <para>Takeover does not wait for any connection to end: a holder that dies (its process killed, its machine gone, its
/// network cut) stops writing, and another host takes over one lease duration after it last saw the stream move. Every
/// call is bounded (<see cref="CallLimit"/>, well under half a lease), so a holder cut off from the server learns that it
/// cannot renew before anyone could take over. On a cluster the calls go to the leader and follow it when it changes.</para>
/// </remarks>
internal sealed class EventStoreDbSchedulerLease : StreamLease
{
    /// <summary>The deployment's lease stream.</summary>
    public const string Stream = "affairs_scheduler_lease";

    /// <summary>How many of the lease stream's events the server keeps (<c>$maxCount</c> in the stream's metadata).</summary>
    public const int KeptEvents = 16;

    private const string Acquired = "scheduler.lease-acquired.v1";
    private const string Renewed = "scheduler.lease-renewed.v1";
    private const string Released = "scheduler.lease-released.v1";

    /// <summary>How long any one call to the server may take before this host counts it as failed.</summary>
    private static readonly TimeSpan CallLimit = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly NodeRouter _router;
    private readonly StreamIdentifier _stream;

    /// <param name="router">The connection to use (the store's own; the lease does not dispose it).</param>
    /// <param name="holderId">This host's name in the lease.</param>
    /// <param name="stream">The lease stream (<see cref="Stream"/>; tests give each test a stream of its own). No <c>-</c> in it.</param>
    /// <param name="duration">How long the lease stays with a host that stopped renewing it; at least four call limits.</param>
    /// <param name="time">The clock.</param>
    public EventStoreDbSchedulerLease(NodeRouter router, string holderId, string stream, TimeSpan duration, TimeProvider time)
        : base(holderId, duration, time)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, CallLimit * 4);
        if (stream.StartsWith('$') || stream.Contains('-', StringComparison.Ordinal))
        {
            throw new ArgumentException("A lease stream name neither starts with '$' nor has a '-', so that it stays out of the application's log.", nameof(stream));
        }

        _router = router;
        _stream = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8(stream) };
    }

    /// <inheritdoc />
    protected override Task<WrittenLease?> ReadLastAsync(CancellationToken cancellationToken)
    {
        var request = ReadRequests.Stream(_stream, ReadDirection.Backwards, StreamRevision.End, 1);
        return BoundedAsync(
            async (node, options) =>
            {
                using var call = node.Streams.Read(request, options);
                while (await call.ResponseStream.MoveNext(options.CancellationToken).ConfigureAwait(false))
                {
                    if (call.ResponseStream.Current is { ContentCase: ReadResp.ContentOneofCase.Event } response
                        && response.Event.Event is { } wire)
                    {
                        var write = (wire.Metadata.TryGetValue(SystemMetadata.Type, out var type) ? type : null) switch
                        {
                            Acquired => LeaseWrite.Acquired,
                            Renewed => LeaseWrite.Renewed,
                            _ => LeaseWrite.Released,
                        };
                        var holder = JsonSerializer.Deserialize<LeaseRecord>(wire.Data.Span, Json)?.Holder;
                        return (WrittenLease?)new WrittenLease(AppendResponses.ToRevision(wire.StreamRevision), write, holder);
                    }
                }

                return null;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<bool> AppendAsync(LeaseWrite write, long revision, DateTimeOffset at, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(new LeaseRecord(HolderId, at, expiresAt), Json);
        var type = write switch
        {
            LeaseWrite.Acquired => Acquired,
            LeaseWrite.Renewed => Renewed,
            _ => Released,
        };
        if (revision == StreamRevision.None)
        {
            await KeepOnlyLastEventsAsync(cancellationToken).ConfigureAwait(false);
        }

        var expected = revision == StreamRevision.None ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision);
        return (await SendAsync(_stream, expected, type, data, cancellationToken).ConfigureAwait(false)).Succeeded;
    }

    /// <summary>Sets the stream's <c>$maxCount</c>, once per deployment, before the first lease event is written.</summary>
    private Task<AppendOutcome> KeepOnlyLastEventsAsync(CancellationToken cancellationToken)
    {
        var metadataStream = new StreamIdentifier { StreamName = ByteString.CopyFromUtf8("$$" + _stream.StreamName.ToStringUtf8()) };
        var metadata = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, int> { ["$maxCount"] = KeptEvents });
        return SendAsync(metadataStream, ExpectedRevision.Any, "$metadata", metadata, cancellationToken);
    }

    private Task<AppendOutcome> SendAsync(StreamIdentifier stream, ExpectedRevision expected, string type, byte[] data, CancellationToken cancellationToken)
    {
        var options = AppendRequests.Options(stream, expected);

        // One id for every attempt: a repeat after a lost answer is recognised by the server, not written twice.
        var message = AppendRequests.Message(new EventToAppend(Guid.NewGuid(), type, data, ReadOnlyMemory<byte>.Empty));
        return BoundedAsync(
            async (node, callOptions) =>
            {
                using var call = node.Streams.Append(callOptions);
                await call.RequestStream.WriteAsync(options, callOptions.CancellationToken).ConfigureAwait(false);
                await call.RequestStream.WriteAsync(message, callOptions.CancellationToken).ConfigureAwait(false);
                await call.RequestStream.CompleteAsync().ConfigureAwait(false);
                return AppendResponses.Interpret(await call.ResponseAsync.ConfigureAwait(false), expected, 1);
            },
            cancellationToken);
    }

    /// <summary>Runs a call through the router within <see cref="CallLimit"/>; running out of time is the store being unavailable.</summary>
    private async Task<T> BoundedAsync<T>(Func<NodeRouter.Node, Grpc.Core.CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(CallLimit);
        try
        {
            return await _router.CallAsync(call, bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException late) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EventStoreUnavailableException($"EventStoreDB did not answer the scheduler lease within {CallLimit.TotalSeconds:0} s.", late);
        }
    }

    /// <summary>What a lease event says: who, when, and until when without renewing (null for a release); for operators.</summary>
    private sealed record LeaseRecord(string Holder, DateTimeOffset At, DateTimeOffset? ExpiresAt);
}
