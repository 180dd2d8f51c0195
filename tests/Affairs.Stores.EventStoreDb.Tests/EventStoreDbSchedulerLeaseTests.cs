using System.Diagnostics;
using System.Text;
using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Affairs.Stores.EventStoreDb.Connection;
using Affairs.Stores.EventStoreDb.Leases;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using Grpc.Core;
using Xunit.Abstractions;
using ReadOptions = Affairs.Stores.EventStoreDb.Protocol.Grpc.ReadReq.Types.Options;

namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>
/// The scheduler lease as the one slot of a persistent subscription group, on a real server: two hosts, one holds it;
/// released or its connection gone, the other takes it; and neither writes anything to the log meanwhile. Each test has
/// a group of its own, so that tests never share a lease.
/// </summary>
[RequiresEnvironment(EventStoreDbFixture.Variable)]
public sealed class EventStoreDbSchedulerLeaseTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Takeover = TimeSpan.FromSeconds(15);

    /// <summary>How long the server may take to end a silent connection: its keepalive pings (10 s) and their timeout (10 s) by default, and some slack.</summary>
    private static readonly TimeSpan ServerKeepAlive = TimeSpan.FromSeconds(30);
    private static readonly ConnectionSettings Settings = ConnectionSettings.Parse(Environment.GetEnvironmentVariable(EventStoreDbFixture.Variable) ?? "esdb://127.0.0.1:1?tls=false");

    [ConformanceFact]
    public async Task one_host_holds_the_lease_the_other_is_refused_and_takes_it_once_released_and_nothing_is_written()
    {
        var (stream, group) = Slot();
        await using var a = new EventStoreDbSchedulerLease(Settings, "host-a", stream, group);
        await using var b = new EventStoreDbSchedulerLease(Settings, "host-b", stream, group);
        Assert.Equal(new LeaseState(true, "host-a"), await a.TryAcquireAsync());
        var mark = await LastPositionAsync();

        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
        Assert.Equal(new LeaseState(true, "host-a"), await a.RenewAsync());
        Assert.Equal(new LeaseState(true, "host-a"), await a.TryAcquireAsync());

        await a.ReleaseAsync();
        var taken = await TakeAsync(b);
        var refused = await a.TryAcquireAsync();

        Assert.Equal(new LeaseState(true, "host-b"), taken);
        Assert.Equal(new LeaseState(false, null), await a.RenewAsync());
        Assert.Equal(new LeaseState(false, "host-b"), refused);
        Assert.Empty(await WrittenSinceAsync(mark, stream, group));
    }

    [ConformanceFact]
    public async Task the_other_host_takes_the_lease_when_the_holders_connection_is_reset_as_when_its_process_is_killed()
    {
        var (stream, group) = Slot();
        using var relay = new TcpRelay(Settings.Address);
        await using var a = new EventStoreDbSchedulerLease(Through(relay), "host-a", stream, group);
        await using var b = new EventStoreDbSchedulerLease(Settings, "host-b", stream, group);
        Assert.True((await a.TryAcquireAsync()).Held);
        var mark = await LastPositionAsync();
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());

        relay.Reset();
        var taken = await TakeAsync(b);
        var lost = await LoseAsync(a);

        Assert.Equal(new LeaseState(true, "host-b"), taken);
        Assert.Equal(new LeaseState(false, null), lost);
        Assert.Equal(new LeaseState(true, "host-b"), await b.RenewAsync());
        Assert.Empty(await WrittenSinceAsync(mark, stream, group));
    }

    [ConformanceFact]
    public async Task a_holder_cut_off_in_silence_learns_it_lost_and_the_other_takes_the_lease_once_the_server_gives_up_on_it()
    {
        var (stream, group) = Slot();
        using var relay = new TcpRelay(Settings.Address);
        await using var a = new EventStoreDbSchedulerLease(Through(relay), "host-a", stream, group);
        await using var b = new EventStoreDbSchedulerLease(Settings, "host-b", stream, group);
        Assert.True((await a.TryAcquireAsync()).Held);

        // As when the holder's machine or network goes: no reset, no more bytes either way.
        relay.Silence();
        var clock = Stopwatch.StartNew();
        var lost = await LoseAsync(a, ServerKeepAlive);
        var lostAfter = clock.Elapsed;
        var taken = await TakeAsync(b, ServerKeepAlive);
        output.WriteLine($"the silenced holder learned it lost after {lostAfter.TotalSeconds:0.0} s; the other host took the lease after {clock.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(new LeaseState(false, null), lost);
        Assert.Equal(new LeaseState(true, "host-b"), taken);
    }

    [ConformanceFact]
    public async Task the_lease_outlives_the_attempt_that_took_it()
    {
        var (stream, group) = Slot();
        await using var a = new EventStoreDbSchedulerLease(Settings, "host-a", stream, group);
        await using var b = new EventStoreDbSchedulerLease(Settings, "host-b", stream, group);
        using (var attempt = new CancellationTokenSource())
        {
            Assert.True((await a.TryAcquireAsync(attempt.Token)).Held);
            await attempt.CancelAsync();
        }

        // Longer than an attempt may wait for the server's confirmation, which must not bound the tenure.
        await Task.Delay(TimeSpan.FromSeconds(6));

        Assert.Equal(new LeaseState(true, "host-a"), await a.RenewAsync());
        Assert.Equal(new LeaseState(false, "host-a"), await b.TryAcquireAsync());
    }

    [ConformanceFact]
    public async Task the_store_gives_a_host_the_subscription_slot_lease()
    {
        using var store = EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = Environment.GetEnvironmentVariable(EventStoreDbFixture.Variable)! });

        await using var lease = store.OpenSchedulerLease("host-a");

        Assert.IsType<EventStoreDbSchedulerLease>(lease);
        Assert.Equal("host-a", lease.HolderId);
    }

    private static (string Stream, string Group) Slot()
    {
        var id = Guid.NewGuid().ToString("N");
        return ($"lease-test-{id}", $"lease-{id}");
    }

    private static ConnectionSettings Through(TcpRelay relay) =>
        ConnectionSettings.Parse($"esdb://127.0.0.1:{relay.Port}?tls=false");

    /// <summary>Renews until the lease is found lost (a bounded wait, by default <see cref="Takeover"/>); the last answer.</summary>
    private static async Task<LeaseState> LoseAsync(ISchedulerLease lease, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        var state = await lease.RenewAsync();
        while (state.Held && clock.Elapsed < (within ?? Takeover))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            state = await lease.RenewAsync();
        }

        return state;
    }

    /// <summary>Tries to take the lease until it is taken (a bounded wait, by default <see cref="Takeover"/>); the last answer.</summary>
    private static async Task<LeaseState> TakeAsync(ISchedulerLease lease, TimeSpan? within = null)
    {
        var clock = Stopwatch.StartNew();
        var state = await lease.TryAcquireAsync();
        while (!state.Held && clock.Elapsed < (within ?? Takeover))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100));
            state = await lease.TryAcquireAsync();
        }

        return state;
    }

    /// <summary>The position of the last record in the whole log, system streams included.</summary>
    private static async Task<ReadReq.Types.Options.Types.Position> LastPositionAsync()
    {
        var request = Request(ReadOptions.Types.ReadDirection.Backwards, 1);
        request.Options.All = new ReadOptions.Types.AllOptions { End = new Empty() };
        var last = Assert.Single(await ReadAllAsync(request));
        return new ReadOptions.Types.Position { CommitPosition = last.CommitPosition, PreparePosition = last.PreparePosition };
    }

    /// <summary>
    /// The streams of the records after <paramref name="mark"/> (the whole log, system streams included) that belong to
    /// the lease: its stream, the group's checkpoint and parked streams, the server's subscription configuration.
    /// Other tests may write meanwhile; none of them writes to those.
    /// </summary>
    private static async Task<List<string>> WrittenSinceAsync(ReadOptions.Types.Position mark, string stream, string group)
    {
        var request = Request(ReadOptions.Types.ReadDirection.Forwards, 100_000);
        request.Options.All = new ReadOptions.Types.AllOptions { Position = mark };
        return (await ReadAllAsync(request))
            .Where(e => e.CommitPosition > mark.CommitPosition) // the read starts at the record at the mark
            .Select(e => Encoding.UTF8.GetString(e.StreamIdentifier.StreamName.Span))
            .Where(name => name == stream || name.Contains(group, StringComparison.Ordinal) || name == "$persistentSubscriptionConfig")
            .ToList();
    }

    private static ReadReq Request(ReadOptions.Types.ReadDirection direction, ulong count) => new()
    {
        Options = new ReadOptions
        {
            ReadDirection = direction,
            Count = count,
            NoFilter = new Empty(),
            UuidOption = new ReadOptions.Types.UUIDOption { Structured = new Empty() },
        },
    };

    private static async Task<List<ReadResp.Types.ReadEvent.Types.RecordedEvent>> ReadAllAsync(ReadReq request)
    {
        using var channel = GrpcChannels.Open(Settings, Settings.Address);
        using var call = new Streams.StreamsClient(channel).Read(request, GrpcChannels.Headers(Settings));
        var events = new List<ReadResp.Types.ReadEvent.Types.RecordedEvent>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            if (call.ResponseStream.Current.ContentCase == ReadResp.ContentOneofCase.Event)
            {
                events.Add(call.ResponseStream.Current.Event.Event);
            }
        }

        return events;
    }
}
