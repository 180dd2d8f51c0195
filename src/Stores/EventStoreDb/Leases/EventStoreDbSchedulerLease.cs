using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Protocol.Grpc.Persistent;
using Grpc.Core;

namespace Affairs.Stores.EventStoreDb.Leases;

/// <summary>
/// The scheduler lease on EventStoreDB: the one slot of a persistent subscription group created with at most one
/// subscriber (group <see cref="Group"/> on stream <see cref="Stream"/>, which nothing writes). Holding the lease is
/// holding that subscription open: the server confirms one subscriber and refuses every other one ("maximum subscribers
/// reached") until that subscriber's call ends, however it ends. Nothing is appended to the log while a holder lives; the
/// group itself is created once per deployment (one event in the server's <c>$persistentSubscriptionConfig</c>).
/// </summary>
/// <remarks>
/// <para>The subscription runs on a channel of its own, so that the lease lives and dies with its own connection. When the
/// holder's process dies, its connection closes and the server frees the slot at once; when its machine or network goes,
/// the server's HTTP/2 keepalive (<c>KeepAliveInterval</c>, <c>KeepAliveTimeout</c>, 10 s each by default, about 22 s in
/// all; 5 s each bring it to about 13 s) ends the connection and frees it. The holder notices that its own call ended (the node went away, a cluster's leader changed)
/// when the call fails, or through this channel's pings (every <see cref="KeepAlive"/>, answered within as long): renewing
/// then answers not held, and a later attempt subscribes again, on a cluster to the leader it finds.</para>
/// <para>The subscription names this host in the <c>connection-name</c> header, which the server lists among the group's
/// connections, so that a host standing by and an operator (the admin UI's persistent subscriptions) see who holds the lease.</para>
/// </remarks>
internal sealed class EventStoreDbSchedulerLease : ISchedulerLease
{
    /// <summary>The stream the group is on: never written, it only gives the group a place.</summary>
    public const string Stream = "scheduler-lease-slot";

    /// <summary>The subscription group whose one slot is the lease.</summary>
    public const string Group = "affairs-scheduler";

    /// <summary>The header that names the connection in the group's information.</summary>
    private const string ConnectionNameHeader = "connection-name";

    private const string ExceptionTrailer = "exception";
    private const string MaximumSubscribersReached = "maximum-subscribers-reached";
    private const string GroupNotFound = "persistent-subscription-does-not-exist";

    /// <summary>How often the lease's quiet connection is pinged, and how long an answer may take.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(5);

    /// <summary>How long the server may take to confirm (or refuse) the subscription.</summary>
    private static readonly TimeSpan ConfirmationTimeout = TimeSpan.FromSeconds(5);

    private readonly NodeRouter _router;
    private readonly string _stream;
    private readonly string _group;
    private Tenure? _tenure;

    public EventStoreDbSchedulerLease(ConnectionSettings settings, string holderId, string stream, string group)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(holderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(group);
        HolderId = holderId;
        _stream = stream;
        _group = group;
        _router = new NodeRouter(settings, KeepAlive);
    }

    public string HolderId { get; }

    private LeaseState Held => new(true, HolderId);

    private Protocol.Grpc.StreamIdentifier StreamIdentifier => new() { StreamName = Google.Protobuf.ByteString.CopyFromUtf8(_stream) };

    public async Task<LeaseState> TryAcquireAsync(CancellationToken cancellationToken = default)
    {
        if (_tenure is { } tenure)
        {
            if (tenure.Alive)
            {
                return Held;
            }

            await EndTenureAsync().ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            switch (await SubscribeAsync(cancellationToken).ConfigureAwait(false))
            {
                case Outcome.Subscribed subscribed:
                    _tenure = subscribed.Tenure;
                    return Held;
                case Outcome.Taken:
                    return new LeaseState(false, await HolderAsync(cancellationToken).ConfigureAwait(false));
                case Outcome.NoGroup when attempt == 1:
                    await CreateGroupAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                default:
                    return new LeaseState(false, null);
            }
        }
    }

    public async Task<LeaseState> RenewAsync(CancellationToken cancellationToken = default)
    {
        if (_tenure is { Alive: true })
        {
            return Held;
        }

        await EndTenureAsync().ConfigureAwait(false);
        return new LeaseState(false, null);
    }

    public Task ReleaseAsync(CancellationToken cancellationToken = default) => EndTenureAsync();

    public async ValueTask DisposeAsync()
    {
        await EndTenureAsync().ConfigureAwait(false);
        _router.Dispose();
    }

    private async Task EndTenureAsync()
    {
        var tenure = _tenure;
        _tenure = null;
        if (tenure is not null)
        {
            await tenure.EndAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Subscribes to the group and waits for the server's confirmation or refusal.</summary>
    private async Task<Outcome> SubscribeAsync(CancellationToken cancellationToken)
    {
        var request = new ReadReq
        {
            Options = new ReadReq.Types.Options
            {
                StreamIdentifier = StreamIdentifier,
                GroupName = _group,
                BufferSize = 1,
                UuidOption = new ReadReq.Types.Options.Types.UUIDOption { Structured = new Protocol.Grpc.Empty() },
            },
        };
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(ConfirmationTimeout);
        try
        {
            return await _router.CallAsync<Outcome>(
                async (node, options) =>
                {
                    // The call lives as long as the tenure, not as long as this attempt to take the lease.
                    var life = new CancellationTokenSource();
                    var call = node.PersistentSubscriptions.Read(options.WithHeaders(Named(options.Headers)).WithCancellationToken(life.Token));
                    try
                    {
                        await call.RequestStream.WriteAsync(request).ConfigureAwait(false);
                        while (await call.ResponseStream.MoveNext(waiting.Token).ConfigureAwait(false))
                        {
                            if (call.ResponseStream.Current.ContentCase == ReadResp.ContentOneofCase.SubscriptionConfirmation)
                            {
                                return new Outcome.Subscribed(new Tenure(_router, node, call, life, call.ResponseStream.Current.SubscriptionConfirmation.SubscriptionId));
                            }
                        }

                        Close(call, life);
                        return new Outcome.Ended();
                    }
                    catch (RpcException refused) when (Refusal(refused) is { } outcome)
                    {
                        Close(call, life);
                        return outcome;
                    }
                    catch
                    {
                        Close(call, life);
                        throw;
                    }
                },
                waiting.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // No answer in time: not held this time; the scheduler tries again on its next pass.
            return new Outcome.Ended();
        }
    }

    private static Outcome? Refusal(RpcException error) =>
        error.Trailers.GetValue(ExceptionTrailer) switch
        {
            MaximumSubscribersReached => new Outcome.Taken(),
            GroupNotFound => new Outcome.NoGroup(),
            _ => null,
        };

    private Metadata Named(Metadata? headers)
    {
        var named = new Metadata();
        foreach (var entry in headers ?? [])
        {
            named.Add(entry);
        }

        named.Add(ConnectionNameHeader, HolderId);
        return named;
    }

    private static void Close(AsyncDuplexStreamingCall<ReadReq, ReadResp> call, CancellationTokenSource life)
    {
        life.Cancel();
        call.Dispose();
        life.Dispose();
    }

    /// <summary>Creates the group (at most one subscriber, from the end of its stream); one that already exists is fine.</summary>
    private Task CreateGroupAsync(CancellationToken cancellationToken) =>
        _router.CallAsync(
            async (node, options) =>
            {
                try
                {
                    await node.PersistentSubscriptions.CreateAsync(GroupRequest(), options).ConfigureAwait(false);
                }
                catch (RpcException exists) when (exists.StatusCode == StatusCode.AlreadyExists)
                {
                    // Another host created it first.
                }

                return true;
            },
            cancellationToken);

    private CreateReq GroupRequest() => new()
    {
        Options = new CreateReq.Types.Options
        {
            Stream = new CreateReq.Types.StreamOptions
            {
                StreamIdentifier = StreamIdentifier,
                End = new Protocol.Grpc.Empty(),
            },
            GroupName = _group,
            Settings = new CreateReq.Types.Settings
            {
                // The slot: the server refuses a second subscriber while the first one's call lives.
                MaxSubscriberCount = 1,
                ConsumerStrategy = "DispatchToSingle",
                MessageTimeoutMs = 30_000,
                CheckpointAfterMs = 2_000,
                MaxRetryCount = 10,
                MinCheckpointCount = 10,
                MaxCheckpointCount = 1_000,
                LiveBufferSize = 500,
                ReadBatchSize = 20,
                HistoryBufferSize = 500,
            },
        },
    };

    /// <summary>Who holds the slot, as the group's information names its one connection; null when that cannot be learned.</summary>
    private async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        var request = new GetInfoReq
        {
            Options = new GetInfoReq.Types.Options { StreamIdentifier = StreamIdentifier, GroupName = _group },
        };
        try
        {
            var info = await _router.CallAsync(
                async (node, options) => await node.PersistentSubscriptions.GetInfoAsync(request, options).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
            return info.SubscriptionInfo?.Connections.Select(c => string.IsNullOrEmpty(c.ConnectionName) ? null : c.ConnectionName).FirstOrDefault(n => n is not null);
        }
        catch (Exception unknown) when (unknown is EventStoreUnavailableException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>What an attempt to take the slot came to.</summary>
    private abstract record Outcome
    {
        public sealed record Subscribed(Tenure Tenure) : Outcome;

        public sealed record Taken : Outcome;

        public sealed record NoGroup : Outcome;

        public sealed record Ended : Outcome;
    }

    /// <summary>One confirmed subscription: held until its call ends, which a watcher notices as it happens.</summary>
    private sealed class Tenure
    {
        private readonly AsyncDuplexStreamingCall<ReadReq, ReadResp> _call;
        private readonly CancellationTokenSource _life;
        private readonly Task _ended;

        public Tenure(NodeRouter router, NodeRouter.Node node, AsyncDuplexStreamingCall<ReadReq, ReadResp> call, CancellationTokenSource life, string subscriptionId)
        {
            _call = call;
            _life = life;
            _ended = Task.Run(() => WatchAsync(router, node, subscriptionId));
        }

        public bool Alive => !_ended.IsCompleted;

        public async Task EndAsync()
        {
            await _life.CancelAsync().ConfigureAwait(false);
            await _ended.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _call.Dispose();
            _life.Dispose();
        }

        /// <summary>Waits for the call to end; acknowledges anything written to the stream, so the server neither retries nor parks it.</summary>
        private async Task WatchAsync(NodeRouter router, NodeRouter.Node node, string subscriptionId)
        {
            try
            {
                while (await router.ContinueAsync(node, () => _call.ResponseStream.MoveNext(_life.Token), _life.Token).ConfigureAwait(false))
                {
                    if (_call.ResponseStream.Current is { ContentCase: ReadResp.ContentOneofCase.Event } delivered)
                    {
                        var ack = new ReadReq.Types.Ack { Id = Google.Protobuf.ByteString.CopyFromUtf8(subscriptionId) };
                        ack.Ids.Add((delivered.Event.Link ?? delivered.Event.Event).Id);
                        await _call.RequestStream.WriteAsync(new ReadReq { Ack = ack }).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ended) when (ended is OperationCanceledException or EventStoreUnavailableException or InvalidOperationException or RpcException)
            {
                // The call ended (released, node gone, leader changed): the lease is lost with it.
            }
        }
    }
}
