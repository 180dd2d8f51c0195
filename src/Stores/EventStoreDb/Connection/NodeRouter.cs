using System.Collections.Concurrent;
using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Affairs.Stores.EventStoreDb.Connection;

/// <summary>
/// The node calls go to. For one node (<c>esdb://host:port</c>) that node, and a failure is the call's answer. For a
/// cluster the node is found through the gossip of the seeds (the leader, unless the URL prefers otherwise); when a call
/// finds it gone, not ready or not the leader, the call goes again — to the leader the answer names, or to the member a
/// new discovery finds — waiting longer after each failure, at most <see cref="ConnectionSettings.MaxDiscoverAttempts"/>
/// times; then the store is unavailable.
/// </summary>
internal sealed class NodeRouter : IDisposable
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(2);

    private readonly ConnectionSettings _settings;
    private readonly TimeSpan? _keepAlive;
    private readonly Metadata _headers;
    private readonly ConcurrentDictionary<Uri, Node> _nodes = new();
    private readonly SemaphoreSlim _discovery = new(1, 1);
    private Node? _current;

    /// <param name="settings">Where the nodes are and how to reach them.</param>
    /// <param name="keepAlive">How often a connection with a call running is pinged, and how long an answer may take; by default <see cref="GrpcChannels.DefaultKeepAlive"/>.</param>
    public NodeRouter(ConnectionSettings settings, TimeSpan? keepAlive = null)
    {
        _settings = settings;
        _keepAlive = keepAlive;
        _headers = GrpcChannels.Headers(settings);
    }

    /// <summary>The node in use, or before the first call the first one the URL names.</summary>
    public Uri Address => Volatile.Read(ref _current)?.Address ?? _settings.Address;

    /// <summary>
    /// Runs <paramref name="call"/> on the node in use; where it fails in a way another node (or a later try) may not,
    /// finds the node again and runs it again. <paramref name="call"/> must be safe to repeat.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<Node, CallOptions, Task<T>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var attempts = _settings.Discover ? _settings.MaxDiscoverAttempts : 1;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var last = attempt >= attempts;
            Node node;
            try
            {
                node = await NodeAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NoNodeException error) when (last)
            {
                throw new EventStoreUnavailableException("No EventStoreDB cluster member could be used.", error);
            }
            catch (NoNodeException)
            {
                await WaitAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var (done, result, leaderNamed) = await Cancellation.Surface(
                async () =>
                {
                    try
                    {
                        var options = new CallOptions(_headers, cancellationToken: cancellationToken);
                        return (true, await NodeFailures.Transported(() => call(node, options)).ConfigureAwait(false), false);
                    }
                    catch (RpcException error) when (NodeFailures.CallsForAnotherNode(error, cancellationToken))
                    {
                        var named = Failed(node, error);
                        if (last)
                        {
                            throw;
                        }

                        return (false, default(T)!, named);
                    }
                },
                cancellationToken).ConfigureAwait(false);
            if (done)
            {
                return result;
            }

            if (!leaderNamed)
            {
                await WaitAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Awaits a later step of a call that already reached <paramref name="node"/> (the next message of a read): a
    /// failure is the port's exception, and one that says the node is gone makes the next call look for it again.
    /// </summary>
    public Task<T> ContinueAsync<T>(Node node, Func<Task<T>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Cancellation.Surface(
            async () =>
            {
                try
                {
                    return await NodeFailures.Transported(step).ConfigureAwait(false);
                }
                catch (RpcException error) when (NodeFailures.CallsForAnotherNode(error, cancellationToken))
                {
                    Failed(node, error);
                    throw;
                }
            },
            cancellationToken);
    }

    /// <summary>Closes every channel; running calls end with an error.</summary>
    public void Dispose()
    {
        foreach (var node in _nodes.Values)
        {
            node.Dispose();
        }

        _discovery.Dispose();
    }

    private Task WaitAsync(int failures, CancellationToken cancellationToken) =>
        Task.Delay(RetryBackoff.After(failures, _settings.DiscoveryInterval, LongestWait), cancellationToken);

    private async ValueTask<Node> NodeAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            return current;
        }

        if (!_settings.Discover)
        {
            // Channels are kept per address, so two callers racing here share one.
            var single = Open(_settings.Address);
            Volatile.Write(ref _current, single);
            return single;
        }

        await _discovery.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _current) is { } found)
            {
                return found;
            }

            var chosen = await DiscoverAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, chosen);
            return chosen;
        }
        finally
        {
            _discovery.Release();
        }
    }

    /// <summary>Asks each seed in turn for the cluster's members until one names a usable member.</summary>
    private async Task<Node> DiscoverAsync(CancellationToken cancellationToken)
    {
        foreach (var seed in _settings.Nodes)
        {
            try
            {
                var options = new CallOptions(_headers, DateTime.UtcNow + _settings.GossipTimeout, cancellationToken);
                var cluster = await Open(seed).Gossip.ReadAsync(new Empty(), options).ConfigureAwait(false);
                if (MemberChoice.Choose(cluster, _settings, Random.Shared) is { } address)
                {
                    return Open(address);
                }
            }
            catch (RpcException error) when (!cancellationToken.IsCancellationRequested)
            {
                _ = error; // This seed is down or does not answer: ask the next.
            }
        }

        throw new NoNodeException();
    }

    /// <summary>Forgets <paramref name="node"/> after a failure; true when the answer named the leader, which is used at once.</summary>
    private bool Failed(Node node, RpcException error)
    {
        var leader = _settings.Discover ? NodeFailures.Leader(error) : null;
        var next = leader is { } endpoint ? Open(_settings.AddressOf(endpoint.Host, endpoint.Port)) : null;
        Interlocked.CompareExchange(ref _current, next, node);
        return next is not null;
    }

    private Node Open(Uri address) => _nodes.GetOrAdd(address, a => new Node(a, GrpcChannels.Open(_settings, a, _keepAlive)));

    /// <summary>No member was usable this time (all seeds down, or an election running).</summary>
    private sealed class NoNodeException() : Exception("No seed named a usable cluster member.");

    /// <summary>One node's channel and clients.</summary>
    internal sealed class Node(Uri address, GrpcChannel channel) : IDisposable
    {
        public Uri Address { get; } = address;

        public Streams.StreamsClient Streams { get; } = new(channel);

        public Protocol.Grpc.Gossip.GossipClient Gossip { get; } = new(channel);

        public void Dispose() => channel.Dispose();
    }
}
