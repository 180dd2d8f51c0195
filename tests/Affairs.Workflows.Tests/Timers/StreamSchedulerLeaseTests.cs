using Affairs.Domain.Residents.Events;
using Affairs.EventStore;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Timers;
using Affairs.Workflows.Timers.Events;
using Microsoft.Extensions.Time.Testing;

namespace Affairs.Workflows.Tests.Timers;

/// <summary>The lease stream, host by host, on a real store and a fake clock: who takes it, keeps it, loses it.</summary>
public sealed class StreamSchedulerLeaseTests : StoreTest
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly EventCodec Codec = new(EventTypeRegistry.FromAssemblies(typeof(ResidentRegistered).Assembly, typeof(AffairsOptions).Assembly), []);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero));
    private readonly SequentialIdSource _ids = new();
    private IEventStore? _store;

    private IEventStore Store => _store ??= Temp.Open();

    [Fact]
    public async Task the_first_host_takes_a_lease_never_taken()
    {
        var a = Host("a");

        var state = await a.TryAcquireAsync();

        Assert.Equal(new LeaseState(true, "a"), state);
        Assert.Equal(["acquired by a"], await StreamAsync());
    }

    [Fact]
    public async Task a_lease_renewed_in_time_is_not_taken_however_long_it_is_held()
    {
        var (a, b) = (Host("a"), Host("b"));
        await a.TryAcquireAsync();

        for (var tick = 0; tick < 20; tick++)
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            Assert.True((await a.RenewAsync()).Held);
            Assert.Equal(new LeaseState(false, "a"), await b.TryAcquireAsync());
        }

        Assert.All(await StreamAsync(), e => Assert.EndsWith("by a", e, StringComparison.Ordinal));
    }

    [Fact]
    public async Task the_holder_writes_a_renewal_every_half_lease_not_every_call()
    {
        var a = Host("a");
        await a.TryAcquireAsync();

        for (var tick = 0; tick < 15; tick++)
        {
            _clock.Advance(TimeSpan.FromSeconds(2));
            await a.RenewAsync();
        }

        // 30 s at one renewal per 6 s (the first 2 s tick at or past 5 s since the last write).
        Assert.Equal(["acquired by a", "renewed by a", "renewed by a", "renewed by a", "renewed by a", "renewed by a"], await StreamAsync());
    }

    [Fact]
    public async Task a_lease_not_renewed_for_its_duration_is_taken_over_and_its_old_holder_learns_it_lost()
    {
        var (a, b) = (Host("a"), Host("b"));
        await a.TryAcquireAsync();
        Assert.False((await b.TryAcquireAsync()).Held);

        _clock.Advance(Duration - TimeSpan.FromSeconds(1));
        Assert.False((await b.TryAcquireAsync()).Held);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var taken = await b.TryAcquireAsync();
        var renewed = await a.RenewAsync();

        Assert.Equal(new LeaseState(true, "b"), taken);
        Assert.False(renewed.Held);
        Assert.Equal(["acquired by a", "acquired by b"], await StreamAsync());
    }

    [Fact]
    public async Task a_host_that_first_sees_a_stale_lease_still_watches_it_for_a_whole_duration()
    {
        var a = Host("a");
        await a.TryAcquireAsync();
        _clock.Advance(TimeSpan.FromHours(1)); // a died long ago, by a clock nobody else need trust
        var b = Host("b");

        var first = await b.TryAcquireAsync();
        _clock.Advance(Duration);
        var second = await b.TryAcquireAsync();

        Assert.False(first.Held);
        Assert.True(second.Held);
    }

    [Fact]
    public async Task a_released_lease_is_taken_at_once()
    {
        var (a, b) = (Host("a"), Host("b"));
        await a.TryAcquireAsync();
        Assert.False((await b.TryAcquireAsync()).Held);

        await a.ReleaseAsync();
        var taken = await b.TryAcquireAsync();

        Assert.True(taken.Held);
        Assert.Equal(["acquired by a", "released by a", "acquired by b"], await StreamAsync());
    }

    [Fact]
    public async Task of_two_hosts_taking_a_free_lease_at_once_the_one_whose_append_lands_second_loses()
    {
        var (a, b) = (Host("a"), Host("b"));
        await a.TryAcquireAsync();
        await a.ReleaseAsync();
        var racing = new RacingStore(Store);
        var c = Host("c", racing);
        racing.BeforeNextAppend = () => b.TryAcquireAsync(); // b appends between c's read and c's append

        var lost = await c.TryAcquireAsync();

        Assert.Equal(new LeaseState(false, null), lost);
        Assert.Equal(new LeaseState(false, "b"), await c.TryAcquireAsync());
        Assert.Equal(["acquired by a", "released by a", "acquired by b"], await StreamAsync());
    }

    [Fact]
    public async Task a_holder_that_could_not_renew_takes_its_lease_straight_back_when_no_one_else_did()
    {
        var racing = new RacingStore(Store);
        var a = Host("a", racing);
        await a.TryAcquireAsync();
        _clock.Advance(TimeSpan.FromSeconds(6));
        racing.BeforeNextAppend = () => throw new EventStoreUnavailableException("down for a moment", new IOException());

        await Assert.ThrowsAsync<EventStoreUnavailableException>(() => a.RenewAsync());
        var back = await a.TryAcquireAsync();

        Assert.True(back.Held);
        Assert.Equal(["acquired by a", "acquired by a"], await StreamAsync());
    }

    private StreamSchedulerLease Host(string holder, IEventStore? store = null) => new(store ?? Store, Codec, _ids, _clock, holder, Duration);

    private async Task<List<string>> StreamAsync()
    {
        var events = new List<string>();
        await foreach (var recorded in Store.ReadStreamAsync(StreamSchedulerLease.Stream, ReadDirection.Forwards, 0, long.MaxValue))
        {
            events.Add(Codec.Decode(recorded).Event switch
            {
                SchedulerLeaseAcquired e => $"acquired by {e.Holder}",
                SchedulerLeaseRenewed e => $"renewed by {e.Holder}",
                SchedulerLeaseReleased e => $"released by {e.Holder}",
                var other => other.GetType().Name,
            });
        }

        return events;
    }
}
