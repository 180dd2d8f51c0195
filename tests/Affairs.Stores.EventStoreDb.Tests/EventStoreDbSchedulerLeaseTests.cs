using System.Diagnostics;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Leases;
using Affairs.Stores.EventStoreDb.Protocol;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using ReadOptions = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadReq.Types.Options;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>
/// The scheduler lease as a lease stream on a real server: two hosts, one holds it; released, or its holder silent for a
/// whole lease duration, the other takes it; a holder taken over learns it on its next renewal; and the lease stream
/// stays out of the application's log. Each test has a lease stream of its own, so that tests never share a lease.
/// Hosts whose clocks the test moves (<see cref="FakeTimeProvider"/>) stand for hosts that waited that long.
/// </summary>
[RequiresEnvironment(EventStoreDbFixture.Variable)]
public sealed class EventStoreDbSchedulerLeaseTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(15);
    private static readonly ConnectionSettings Settings = ConnectionSettings.Parse(Environment.GetEnvironmentVariable(EventStoreDbFixture.Variable) ?? "esdb://127.0.0.1:1?tls=false");

    private readonly NodeRouter _router = new(Settings);

    public void Dispose() => _router.Dispose();

    [ConformanceFact]
    public async Task one_host_holds_the_lease_the_other_is_refused_and_takes_it_at_once_when_released()
    {
        var stream = LeaseStream();
        var time = new FakeTimeProvider();
        await using var a = Lease("host-a", stream, time);
        await using var b = Lease("host-b", stream, time);

        Assert.Equal(new LeaseState(true, "host-a"), await a.TryAcquireAsync());
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
        time.Advance(Duration / 2);
        Assert.Equal(new LeaseState(true, "host-a"), await a.RenewAsync());
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
        await a.ReleaseAsync();

        Assert.Equal(new LeaseState(true, "host-b"), await b.TryAcquireAsync());
        Assert.Equal(new LeaseState(false, null), await a.RenewAsync());
        Assert.Equal(new LeaseState(false, "host-b"), await a.TryAcquireAsync());
        Assert.Equal(
            ["scheduler.lease-acquired.v1", "scheduler.lease-renewed.v1", "scheduler.lease-released.v1", "scheduler.lease-acquired.v1"],
            (await EventsAsync(stream)).Select(e => e.Type));
    }

    [ConformanceFact]
    public async Task a_holder_silent_for_a_whole_lease_is_taken_over_and_learns_it_on_its_next_renewal()
    {
        var stream = LeaseStream();
        var (holderTime, standbyTime) = (new FakeTimeProvider(), new FakeTimeProvider());
        await using var a = Lease("host-a", stream, holderTime);
        await using var b = Lease("host-b", stream, standbyTime);
        Assert.True((await a.TryAcquireAsync()).Held);

        // The standby counts from when it first saw the stream where it stands, not from the holder's written expiry.
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
        standbyTime.Advance(Duration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
        standbyTime.Advance(TimeSpan.FromMilliseconds(1));
        var taken = await b.TryAcquireAsync();

        holderTime.Advance(Duration);
        Assert.Equal(new LeaseState(true, "host-b"), taken);
        Assert.Equal(new LeaseState(false, null), await a.RenewAsync());
        Assert.Equal(new LeaseState(false, "host-b"), await a.TryAcquireAsync());
    }

    [ConformanceFact]
    public async Task a_holder_that_keeps_renewing_is_never_taken_over()
    {
        var stream = LeaseStream();
        var (holderTime, standbyTime) = (new FakeTimeProvider(), new FakeTimeProvider());
        await using var a = Lease("host-a", stream, holderTime);
        await using var b = Lease("host-b", stream, standbyTime);
        Assert.True((await a.TryAcquireAsync()).Held);

        for (var round = 0; round < 6; round++)
        {
            Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
            holderTime.Advance(Duration / 2);
            standbyTime.Advance(Duration * 3 / 4);
            Assert.Equal(new LeaseState(true, "host-a"), await a.RenewAsync());
        }

        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
    }

    [ConformanceFact]
    public async Task of_two_hosts_taking_a_released_lease_at_once_exactly_one_wins()
    {
        var stream = LeaseStream();
        var time = new FakeTimeProvider();
        await using var first = Lease("host-a", stream, time);
        Assert.True((await first.TryAcquireAsync()).Held);
        await first.ReleaseAsync();
        var hosts = Enumerable.Range(0, 4).Select(i => Lease($"host-{i}", stream, time)).ToList();

        var answers = await Task.WhenAll(hosts.Select(h => h.TryAcquireAsync()));
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }

        var winner = Assert.Single(answers, a => a.Held);
        Assert.StartsWith("host-", winner.Holder);

        // A loser that read the stream before the winner's write lost the append race and names nobody; one that read
        // it after names the winner. Which one a loser is depends on how the four are scheduled, never on who wins.
        Assert.All(answers.Where(a => !a.Held), a => Assert.Contains(a.Holder, new[] { null, winner.Holder }));
    }

    [ConformanceFact]
    public async Task a_holder_cut_off_in_silence_learns_it_lost_before_the_other_host_takes_the_lease_within_fifteen_seconds()
    {
        var stream = LeaseStream();
        using var relay = new TcpRelay(Settings.Address);
        using var cutOff = new NodeRouter(ConnectionSettings.Parse($"esdb://127.0.0.1:{relay.Port}?tls=false"));
        await using var a = new EventStoreDbSchedulerLease(cutOff, "host-a", stream, Duration, TimeProvider.System);
        await using var b = Lease("host-b", stream, TimeProvider.System);
        Assert.True((await a.TryAcquireAsync()).Held);
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());

        // As when the holder's machine or network goes: no reset, no more bytes either way. Both hosts go on as the
        // hosted scheduler does, every 2 s.
        relay.Silence();
        var clock = Stopwatch.StartNew();
        TimeSpan? lostAfter = null;
        var taken = new LeaseState(false, null);
        while (!taken.Held && clock.Elapsed < Takeover + Duration)
        {
            if (lostAfter is null && !(await RenewedAsync(a)).Held)
            {
                lostAfter = clock.Elapsed;
            }

            taken = await b.TryAcquireAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        var takenAfter = clock.Elapsed;
        output.WriteLine($"the silenced holder learned it lost after {lostAfter?.TotalSeconds:0.0} s; the other host took the lease after {takenAfter.TotalSeconds:0.0} s");
        Assert.Equal(new LeaseState(true, "host-b"), taken);
        Assert.True(takenAfter <= Takeover, $"taken over after {takenAfter}");
        Assert.True(lostAfter < takenAfter - TimeSpan.FromSeconds(2), $"lost after {lostAfter}, taken after {takenAfter}");
    }

    [ConformanceFact]
    public async Task the_lease_stream_keeps_its_last_events_only_and_stays_out_of_the_applications_log()
    {
        using var store = EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = Environment.GetEnvironmentVariable(EventStoreDbFixture.Variable)! });
        var marker = new StreamName($"leasemark-{Guid.NewGuid():N}");
        var before = await store.AppendAsync(marker, ExpectedRevision.NoStream, [Event()]);
        var stream = LeaseStream();
        var time = new FakeTimeProvider();
        await using (var a = Lease("host-a", stream, time))
        {
            Assert.True((await a.TryAcquireAsync()).Held);
            time.Advance(Duration);
            Assert.True((await a.RenewAsync()).Held);
            await a.ReleaseAsync();
        }

        var after = await store.AppendAsync(marker, ExpectedRevision.Exact(0), [Event()]);
        var metadata = Assert.Single(await EventsAsync("$$" + stream));

        // What the server itself selects for the adapter's "every event", before the adapter looks at a single name.
        var selected = await StreamsReadAsync(ReadRequests.All(SubscriptionFilter.All, before.LogPosition, 10_000));
        Assert.Equal(3, (await EventsAsync(stream)).Count);
        Assert.Equal(EventStoreDbSchedulerLease.KeptEvents, JsonDocument.Parse(metadata.Data).RootElement.GetProperty("$maxCount").GetInt32());
        Assert.Contains(marker.Value, selected);
        Assert.Contains(await store.ReadAllAsync(SubscriptionFilter.All, before.LogPosition, 10_000).ToListAsync(), e => e.Position == after.LogPosition);
        Assert.DoesNotContain(stream, selected);
        Assert.DoesNotContain("$$" + stream, selected);
    }

    [ConformanceFact]
    public async Task the_store_gives_a_host_the_lease_stream()
    {
        using var store = EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = Environment.GetEnvironmentVariable(EventStoreDbFixture.Variable)! });

        await using var lease = store.OpenSchedulerLease("host-a", Duration);

        Assert.IsType<EventStoreDbSchedulerLease>(lease);
        Assert.Equal("host-a", lease.HolderId);
    }

    [Fact]
    public void a_lease_stream_that_a_port_stream_name_or_a_system_stream_could_be_is_refused()
    {
        using var router = new NodeRouter(ConnectionSettings.Parse("esdb://127.0.0.1:1?tls=false"));

        Assert.Throws<ArgumentException>(() => new EventStoreDbSchedulerLease(router, "host-a", "scheduler-lease", Duration, TimeProvider.System));
        Assert.Throws<ArgumentException>(() => new EventStoreDbSchedulerLease(router, "host-a", "$lease", Duration, TimeProvider.System));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventStoreDbSchedulerLease(router, "host-a", "lease", TimeSpan.FromSeconds(1), TimeProvider.System));
    }

    private EventStoreDbSchedulerLease Lease(string holder, string stream, TimeProvider time) =>
        new(_router, holder, stream, Duration, time);

    private static string LeaseStream() => $"leasetest_{Guid.NewGuid():N}";

    private static EventToAppend Event() => new(Guid.NewGuid(), "test.marked.v1", "{}"u8.ToArray(), "{}"u8.ToArray());

    /// <summary>One renewal; a store that does not answer is a lease not held, as the hosted scheduler counts it.</summary>
    private static async Task<LeaseState> RenewedAsync(ISchedulerLease lease)
    {
        try
        {
            return await lease.RenewAsync();
        }
        catch (EventStoreUnavailableException)
        {
            return new LeaseState(false, null);
        }
    }

    /// <summary>The events of <paramref name="stream"/> as the server keeps them, read past the adapter.</summary>
    private async Task<List<(string Type, byte[] Data)>> EventsAsync(string stream)
    {
        var request = new ReadReq
        {
            Options = new ReadOptions
            {
                Stream = new ReadOptions.Types.StreamOptions { StreamIdentifier = new StreamIdentifier { StreamName = Google.Protobuf.ByteString.CopyFromUtf8(stream) }, Start = new Empty() },
                ReadDirection = ReadOptions.Types.ReadDirection.Forwards,
                Count = 1_000,
                NoFilter = new Empty(),
                UuidOption = new ReadOptions.Types.UUIDOption { Structured = new Empty() },
            },
        };
        return (await ReadAsync(request)).Select(e => (e.Metadata["type"], e.Data.ToByteArray())).ToList();
    }

    /// <summary>The stream of every event the server answers <paramref name="request"/> with.</summary>
    private async Task<List<string>> StreamsReadAsync(ReadReq request) =>
        (await ReadAsync(request)).Select(e => e.StreamIdentifier.StreamName.ToStringUtf8()).ToList();

    private Task<List<ReadResp.Types.ReadEvent.Types.RecordedEvent>> ReadAsync(ReadReq request) =>
        _router.CallAsync(
            async (node, options) =>
            {
                using var call = node.Streams.Read(request, options);
                var events = new List<ReadResp.Types.ReadEvent.Types.RecordedEvent>();
                while (await call.ResponseStream.MoveNext(CancellationToken.None))
                {
                    if (call.ResponseStream.Current is { ContentCase: ReadResp.ContentOneofCase.Event } response)
                    {
                        events.Add(response.Event.Event);
                    }
                }

                return events;
            },
            CancellationToken.None);
}
