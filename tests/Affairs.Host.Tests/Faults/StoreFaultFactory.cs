using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Faults;

/// <summary>The test host whose store can be made unreachable: while <see cref="Down"/> every call to it fails as an unreachable store does.</summary>
public class StoreFaultFactory : HostFactory
{
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(7);

    /// <summary>Whether the store answers; the demo centre is seeded while it does.</summary>
    public bool Down { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IEventStore>(
            provider => new FaultingStore(provider.GetRequiredService<SqliteEventStore>(), this)));
    }

    private sealed class FaultingStore(IEventStore inner, StoreFaultFactory factory) : IEventStore
    {
        public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
            factory.Down ? Task.FromException<AppendResult>(Fault()) : inner.AppendAsync(stream, expected, events, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, CancellationToken cancellationToken = default) =>
            Guard(inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken));

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default) =>
            Guard(inner.ReadAllAsync(filter, afterPosition, maxCount, cancellationToken));

        public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
            Guard(inner.SubscribeAsync(filter, checkpoint, cancellationToken));

        private async IAsyncEnumerable<RecordedEvent> Guard(IAsyncEnumerable<RecordedEvent> events)
        {
            await foreach (var @event in events)
            {
                if (factory.Down)
                {
                    throw Fault();
                }

                yield return @event;
            }

            if (factory.Down)
            {
                throw Fault();
            }
        }

        private static EventStoreUnavailableException Fault() =>
            new("The event store cannot be reached.", new IOException("connection refused"), RetryAfter);
    }
}
