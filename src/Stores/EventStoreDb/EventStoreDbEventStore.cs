using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Affairs.Stores.EventStoreDb;

/// <summary>
/// The event store on an EventStoreDB node, spoken to through its public gRPC Streams protocol (<c>Append</c> and
/// <c>Read</c>, which also carries catch-up subscriptions). Revisions, expected revisions and stream-not-found map one to
/// one; the port's single global position is the event's transaction-log offset + 1 (see the README); categories are
/// stream-name prefixes filtered on the server over <c>$all</c>, so no system projection needs to run.
/// </summary>
/// <remarks>
/// Nothing connects until the first call. One instance serves the whole process: it multiplexes calls over HTTP/2.
/// A node that cannot be reached surfaces as <see cref="EventStoreUnavailableException"/>; cancellation as <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed partial class EventStoreDbEventStore : IEventStore, IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly Streams.StreamsClient _client;
    private readonly Metadata _headers;

    private EventStoreDbEventStore(ConnectionSettings settings)
    {
        _channel = GrpcChannels.Open(settings);
        _client = new Streams.StreamsClient(_channel);
        _headers = GrpcChannels.Headers(settings);
        Address = settings.Address;
    }

    /// <summary>The node's gRPC address (without credentials).</summary>
    public Uri Address { get; }

    /// <summary>Creates the store for <see cref="EventStoreDbOptions.ConnectionString"/>; it connects on first use.</summary>
    /// <exception cref="ArgumentException">The connection string is missing or not one this adapter supports.</exception>
    public static EventStoreDbEventStore Create(EventStoreDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new EventStoreDbEventStore(ConnectionSettings.Parse(options.ConnectionString));
    }

    /// <summary>Closes the connection; running reads and subscriptions end with an error.</summary>
    public void Dispose() => _channel.Dispose();

    private CallOptions Call(CancellationToken cancellationToken) => new(_headers, cancellationToken: cancellationToken);
}
