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
using static Affairs.Workflows.Tests.Cases.Centre;

namespace Affairs.Workflows.Tests.Hosting;

/// <summary>
/// Two hosts on one store: what one publishes, the other serves without restarting, because its
/// <see cref="CatalogFollower"/> hands it the other's events.
/// </summary>
public sealed class CatalogFollowerTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly GatedStore _store = new(new InMemoryEventStore(TimeProvider.System));
    private readonly Engine _a;
    private readonly Engine _b;
    private readonly CatalogFollower _follower;

    public CatalogFollowerTests()
    {
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
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""{ "dibaoLine": 800 }""")!;

        await _a.Mediator.Send(new PublishPolicyParameters("dibao", 1, new DateOnly(2026, 1, 1), values, _a.As(Admin)));

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
    public async Task a_reload_that_read_before_this_hosts_own_publication_does_not_drop_it()
    {
        var catalog = _b.Services.GetRequiredService<AffairTypeCatalog>();
        var release = _store.HoldLogReads();
        var reload = catalog.LoadAsync();
        await _store.LogReadHeld;

        await _b.Mediator.Send(new PublishAffairType(Definitions.Json(Definitions.Sample), _b.As(Admin)));
        Assert.Single(catalog.Versions(Definitions.Sample));
        release();
        await reload;

        Assert.Single(catalog.Versions(Definitions.Sample));
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

    /// <summary>The store, able to hold the next log read after it has read (as a slow reload would be) until released.</summary>
    private sealed class GatedStore(IEventStore inner) : IEventStore
    {
        private TaskCompletionSource? _hold;
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

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

        public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
            inner.SubscribeAsync(filter, checkpoint, cancellationToken);
    }
}
