using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Affairs.Domain.Cases.Events;
using Affairs.EventStore;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Affairs.Workflows.Timers;
using Affairs.Workflows.Timers.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Affairs.Workflows.Tests.Timers;

/// <summary>
/// Two hosts on one store, each with its hosted scheduler on the lease stream: only the holder fires; when it loses its
/// store (as good as dead to the others) without releasing, the other takes over and fires what came due, once.
/// </summary>
public sealed class SchedulerTakeoverTests : IAsyncLifetime
{
    // Long against the clock's 2 s steps (300 of them, seconds of real time), so that a host slow to run its loop on a
    // busy machine is not taken for dead while the test runs the clock fast.
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(10);
    private readonly List<TimerService> _services = [];
    private SeverableStore _firstStore = null!;
    private Centre _centre = null!;
    private Engine _second = null!;

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync(new Engine(services =>
        {
            _firstStore = new SeverableStore((IEventStore)services.Last(d => d.ServiceType == typeof(IEventStore)).ImplementationInstance!);
            services.AddSingleton<IEventStore>(_firstStore);
            UseLeaseStream(services);
        }));
        _second = new Engine(UseLeaseStream, sharing: _centre.Engine);
        await _second.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }

        await _second.DisposeAsync();
        await _centre.DisposeAsync();
    }

    [Fact]
    public async Task only_the_holder_fires_and_the_other_host_takes_over_when_the_holder_stops_renewing()
    {
        var work = new Casework(_centre);
        var first = work.Engine;
        var early = await work.DibaoOnNoticeAsync();
        first.Clock.Advance(TimeSpan.FromDays(8)); // before the schedulers start: a jump would look like a silent holder
        var (one, oneLog) = await StartSchedulerAsync(first);
        await Until(() => one.Lease.Held);
        var (two, twoLog) = await StartSchedulerAsync(_second);
        await Until(() => two.Lease == new LeaseState(false, HolderOf(first)));

        await Until(async () => NoticeEnded(await work.EventsAsync(early)) == 1);
        var late = await work.DibaoOnNoticeAsync();
        Assert.Contains(oneLog, FiredSome);
        Assert.DoesNotContain(twoLog, m => m.StartsWith("Timers:", StringComparison.Ordinal)); // not one pass, due or not

        _firstStore.Severed = true;
        await Until(() => two.Lease.Held);
        first.Clock.Advance(TimeSpan.FromDays(8));
        await Until(async () => NoticeEnded(await EventsAsync(late)) == 1);

        Assert.False(one.Lease.Held);
        Assert.Contains(twoLog, FiredSome);
        Assert.Equal(1, NoticeEnded(await EventsAsync(early)));
        Assert.Equal(1, NoticeEnded(await EventsAsync(late)));
        Assert.Equal([HolderOf(first), HolderOf(_second)], await LeaseHoldersAsync());
    }

    private static void UseLeaseStream(IServiceCollection services) =>
        services.AddSingleton<ISchedulerLease>(sp => new StreamSchedulerLease(
            sp.GetRequiredService<IEventStore>(),
            sp.GetRequiredService<EventCodec>(),
            sp.GetRequiredService<IIdSource>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<AffairsOptions>().SchedulerHolderId,
            LeaseDuration));

    private async Task<(TimerService Service, ConcurrentQueue<string> Log)> StartSchedulerAsync(Engine engine)
    {
        var log = new ConcurrentQueue<string>();
        var service = ActivatorUtilities.CreateInstance<TimerService>(engine.Services, new CapturedLog(log));
        _services.Add(service);
        await service.StartAsync(CancellationToken.None);
        return (service, log);
    }

    private async Task<List<object>> EventsAsync(string caseId) =>
        [.. (await _second.Services.GetRequiredService<StreamRepository>().LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold)).Events.Select(e => e.Event)];

    private async Task<List<string>> LeaseHoldersAsync()
    {
        var codec = _second.Services.GetRequiredService<EventCodec>();
        var holders = new List<string>();
        await foreach (var recorded in _second.Store.ReadStreamAsync(StreamSchedulerLease.Stream, ReadDirection.Forwards, 0, long.MaxValue))
        {
            if (codec.Decode(recorded).Event is SchedulerLeaseAcquired acquired)
            {
                holders.Add(acquired.Holder);
            }
        }

        return holders;
    }

    /// <summary>A pass that found timers due (the scheduler logs every pass, "Timers: none due" when there were none).</summary>
    private static bool FiredSome(string message) => message.StartsWith("Timers:", StringComparison.Ordinal) && !message.EndsWith("none due", StringComparison.Ordinal);

    private static string HolderOf(Engine engine) => engine.Services.GetRequiredService<AffairsOptions>().SchedulerHolderId;

    private static int NoticeEnded(List<object> events) => events.OfType<CaseTransitioned>().Count(t => t.Trigger == "notice-ended");

    private Task Until(Func<bool> condition) => Until(() => Task.FromResult(condition()));

    /// <summary>Lets the schedulers' clock run in 2 s steps until <paramref name="condition"/> holds; gives up after 3,000 steps.</summary>
    private async Task Until(Func<Task<bool>> condition)
    {
        for (var step = 0; step < 3000; step++)
        {
            if (await condition())
            {
                return;
            }

            _second.Clock.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(20);
        }

        Assert.Fail("The schedulers did not get there within 3,000 steps.");
    }

    /// <summary>The first host's view of the store: once severed, nothing answers, as when its host or network died.</summary>
    private sealed class SeverableStore(IEventStore inner) : IEventStore
    {
        public volatile bool Severed;

        public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
            Severed ? Task.FromException<AppendResult>(Unreachable()) : inner.AppendAsync(stream, expected, events, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, CancellationToken cancellationToken = default) =>
            Guard(inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken), cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default) =>
            Guard(inner.ReadAllAsync(filter, afterPosition, maxCount, cancellationToken), cancellationToken);

        public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
            Guard(inner.SubscribeAsync(filter, checkpoint, cancellationToken), cancellationToken);

        private static EventStoreUnavailableException Unreachable() => new("The test severed this host from its store.", new IOException());

        private async IAsyncEnumerable<RecordedEvent> Guard(IAsyncEnumerable<RecordedEvent> events, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var recorded in events.WithCancellation(cancellationToken))
            {
                if (Severed)
                {
                    throw Unreachable();
                }

                yield return recorded;
            }

            if (Severed)
            {
                throw Unreachable();
            }
        }
    }

    private sealed class CapturedLog(ConcurrentQueue<string> messages) : ILogger<TimerService>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(formatter(state, exception));
    }
}
