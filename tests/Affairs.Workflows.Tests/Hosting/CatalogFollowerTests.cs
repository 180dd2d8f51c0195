using System.Runtime.CompilerServices;
using System.Text.Json;
using Affairs.Domain.Calendar;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Tests.AffairTypes;
using Affairs.Workflows.Tests.Specifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Affairs.Workflows.Tests.Cases.Centre;

namespace Affairs.Workflows.Tests.Hosting;

/// <summary>
/// Two hosts on one store: what one (A) publishes, the other (B) serves without restarting, because its
/// <see cref="CatalogFollower"/> hands it the other's events. A runs no follower, so a reload there is only the one a
/// test starts.
/// </summary>
public sealed class CatalogFollowerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly InMemoryEventStore _log = new(TimeProvider.System);
    private readonly GatedStore _store;
    private readonly Engine _a;
    private readonly Engine _b;
    private readonly CatalogFollower _follower;

    public CatalogFollowerTests()
    {
        _store = new GatedStore(_log);
        _a = new Engine(s => s.AddSingleton<IEventStore>(_store));
        _b = new Engine(s => s.AddSingleton<IEventStore>(_store), sharing: _a);
        _follower = ActivatorUtilities.CreateInstance<CatalogFollower>(_b.Services);
    }

    public async Task InitializeAsync()
    {
        await _a.StartAsync();
        await _b.StartAsync();
        await _follower.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _follower.StopAsync(CancellationToken.None);
        _follower.Dispose();
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task an_affair_type_published_and_retired_on_one_host_is_served_by_the_other()
    {
        var served = _b.Services.GetRequiredService<AffairTypeCatalog>();
        Assert.Empty(served.Versions(Definitions.Sample));

        await _a.Mediator.Send(new PublishAffairType(Definitions.Json(Definitions.Sample), _a.As(Admin)));
        await EventuallyAsync(() => served.Versions(Definitions.Sample).Count == 1);
        Assert.Equal(Definitions.Sample, served.ForNewCase(Definitions.Sample).Id);

        await _a.Mediator.Send(new RetireAffairTypeVersion(Definitions.Sample, 1, "replaced", _a.As(Admin)));
        await EventuallyAsync(() => served.Versions(Definitions.Sample)[0].RetiredReason == "replaced");
    }

    [Fact]
    public async Task a_policy_published_on_one_host_is_in_force_on_the_other()
    {
        var served = _b.Services.GetRequiredService<PolicyCatalog>();
        await _a.Mediator.Send(new PublishPolicyParameters("dibao", 1, new DateOnly(2026, 1, 1), DibaoLine(), _a.As(Admin)));

        await EventuallyAsync(() => served.InForce("dibao", new DateOnly(2026, 6, 1)) is { Version: 1 });
    }

    [Fact]
    public async Task a_calendar_year_published_on_one_host_counts_on_the_other()
    {
        var served = _b.Services.GetRequiredService<CalendarCatalog>();
        Assert.Null(served.Year(2031));
        var newYear = new Holiday("元旦", new DateOnly(2031, 1, 1), new DateOnly(2031, 1, 1));

        await _a.Mediator.Send(new PublishCalendarYear(2031, "2031 notice", [newYear], [], null, _a.As(Admin)));

        await EventuallyAsync(() => served.Year(2031) is { Version: 1 });
        Assert.False(served.Current.IsWorkingDay(new DateOnly(2031, 1, 1)));
    }

    [Fact]
    public async Task an_affair_type_reload_that_read_before_this_hosts_own_publication_does_not_drop_it()
    {
        var catalog = _a.Services.GetRequiredService<AffairTypeCatalog>();

        await PublishDuringReloadAsync(catalog.LoadAsync, async () =>
        {
            await _a.Mediator.Send(new PublishAffairType(Definitions.Json(Definitions.Sample), _a.As(Admin)));
            Assert.Single(catalog.Versions(Definitions.Sample));
        });

        Assert.Single(catalog.Versions(Definitions.Sample));
    }

    [Fact]
    public async Task a_policy_reload_that_read_before_this_hosts_own_publication_does_not_drop_it()
    {
        var catalog = _a.Services.GetRequiredService<PolicyCatalog>();

        await PublishDuringReloadAsync(catalog.LoadAsync, async () =>
            await _a.Mediator.Send(new PublishPolicyParameters("dibao", 1, new DateOnly(2026, 1, 1), DibaoLine(), _a.As(Admin))));

        Assert.Single(catalog.Timeline("dibao").Versions);
    }

    [Fact]
    public async Task a_calendar_reload_that_read_before_this_hosts_own_correction_does_not_undo_it()
    {
        var catalog = _a.Services.GetRequiredService<CalendarCatalog>();
        var shipped = catalog.Year(2026)!;

        await PublishDuringReloadAsync(catalog.LoadAsync, async () =>
            await _a.Mediator.Send(new PublishCalendarYear(2026, "correction", shipped.Holidays.Skip(1).ToList(), shipped.WorkingWeekends, null, _a.As(Admin))));

        Assert.Equal(shipped.Version + 1, catalog.Year(2026)!.Version);
    }

    [Fact]
    public async Task the_follower_warns_once_of_an_outage_and_resubscribes_when_the_store_answers_again()
    {
        var faulty = new GatedStore(_log);
        faulty.FailNextSubscription(PolicyCatalog.Category, CalendarCatalog.Category);
        var log = new WarningLog();
        await using var third = new Engine(s => s.AddSingleton<IEventStore>(faulty), sharing: _a);
        await third.StartAsync();
        var follower = ActivatorUtilities.CreateInstance<CatalogFollower>(third.Services, log);
        await follower.StartAsync(CancellationToken.None);
        try
        {
            await faulty.SubscriptionFailed;
            await _a.Mediator.Send(new PublishPolicyParameters("dibao", 1, new DateOnly(2026, 1, 1), DibaoLine(), _a.As(Admin)));

            // The retry waits on the engine's clock: let it pass until the follower has resubscribed and caught up.
            var served = third.Services.GetRequiredService<PolicyCatalog>();
            await EventuallyAsync(() =>
            {
                _a.Clock.Advance(TimeSpan.FromSeconds(1));
                return served.InForce("dibao", new DateOnly(2026, 6, 1)) is not null;
            });

            Assert.Equal(1, log.Warnings);
        }
        finally
        {
            await follower.StopAsync(CancellationToken.None);
            follower.Dispose();
        }
    }

    private static Dictionary<string, JsonElement> DibaoLine() =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "dibaoLine": 800 }""")!;

    /// <summary>Starts <paramref name="reload"/>, holds it once it has read, runs <paramref name="publish"/>, then lets the reload finish.</summary>
    private async Task PublishDuringReloadAsync(Func<CancellationToken, Task> reload, Func<Task> publish)
    {
        var release = _store.HoldLogReads();
        var reloading = reload(CancellationToken.None);
        await _store.LogReadHeld;
        await publish();
        release();
        await reloading;
    }

    /// <summary>Polls <paramref name="served"/> until it holds, failing after <see cref="Bound"/>.</summary>
    private static async Task EventuallyAsync(Func<bool> served)
    {
        using var bound = new CancellationTokenSource(Bound);
        while (!served())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), bound.Token);
        }
    }

    /// <summary>Counts the warnings the follower logs.</summary>
    private sealed class WarningLog : ILogger<CatalogFollower>
    {
        private int _warnings;

        public int Warnings => Volatile.Read(ref _warnings);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref _warnings);
            }
        }
    }

    /// <summary>
    /// The store, able to hold the next log read after it has read (as a slow reload would be) until released, and to
    /// fail the next subscription to a category as an unreachable store does.
    /// </summary>
    private sealed class GatedStore(IEventStore inner) : IEventStore
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource? _hold;
        private readonly HashSet<string> _failing = new(StringComparer.Ordinal);

        /// <summary>Completes once the subscription to fail was failed.</summary>
        public Task SubscriptionFailed => _failed.Task;

        /// <summary>Fails the next subscription that follows any of <paramref name="categories"/>.</summary>
        public void FailNextSubscription(params string[] categories)
        {
            lock (_failing)
            {
                _failing.UnionWith(categories);
            }
        }

        /// <summary>Completes once a held read has read everything it will return.</summary>
        public Task LogReadHeld => _held.Task;

        public Action HoldLogReads()
        {
            var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _hold = hold;
            return () => hold.TrySetResult();
        }

        public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(stream, expected, events, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken);

        public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var read = new List<RecordedEvent>();
            await foreach (var recorded in inner.ReadAllAsync(filter, afterPosition, maxCount, cancellationToken))
            {
                read.Add(recorded);
            }

            if (Interlocked.Exchange(ref _hold, null) is { } hold)
            {
                _held.TrySetResult();
                await hold.Task.WaitAsync(cancellationToken);
            }

            foreach (var recorded in read)
            {
                yield return recorded;
            }
        }

        public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default)
        {
            bool fail;
            lock (_failing)
            {
                fail = !filter.IsAll && filter.Categories.Any(_failing.Contains);
                if (fail)
                {
                    _failing.Clear();
                }
            }

            if (fail)
            {
                _failed.TrySetResult();
                throw new EventStoreUnavailableException("The store cannot be reached.", new IOException("Connection refused."));
            }

            return inner.SubscribeAsync(filter, checkpoint, cancellationToken);
        }
    }
}
