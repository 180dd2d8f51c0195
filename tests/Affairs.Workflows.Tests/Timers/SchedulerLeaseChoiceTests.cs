using Affairs.EventStore;
using Affairs.Stores.EventStoreDb;
using Affairs.Workflows.Tests.Specifications;
using Affairs.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Timers;

/// <summary>Which lease a host gets follows its store: the store's own where it has one, the lease stream otherwise.</summary>
public sealed class SchedulerLeaseChoiceTests
{
    [Fact]
    public async Task a_host_on_a_sqlite_file_always_holds_the_lease_and_writes_nothing_for_it()
    {
        await using var engine = new Engine();
        var lease = engine.Services.GetRequiredService<ISchedulerLease>();

        var state = await lease.TryAcquireAsync();

        Assert.IsType<SingleHostLease>(lease);
        Assert.Equal(new LeaseState(true, lease.HolderId), state);
        Assert.Empty(await engine.Store.ReadStreamAsync(StreamSchedulerLease.Stream, ReadDirection.Forwards, 0, long.MaxValue).ToListAsync());
    }

    [Fact]
    public async Task a_host_on_a_store_without_a_lease_of_its_own_gets_the_lease_stream()
    {
        await using var engine = new Engine(services => services.AddSingleton<IEventStore>(sp => new InMemoryEventStore(sp.GetRequiredService<TimeProvider>())));

        var lease = engine.Services.GetRequiredService<ISchedulerLease>();

        Assert.IsType<StreamSchedulerLease>(lease);
        Assert.True((await lease.TryAcquireAsync()).Held);
    }

    [Fact]
    public async Task a_host_on_eventstoredb_gets_the_adapters_own_lease_stream_not_the_one_in_the_log()
    {
        // Opening the lease connects to nothing, so no server is needed to see which one the host gets.
        await using var engine = new Engine(services => services.AddSingleton<IEventStore>(
            _ => EventStoreDbEventStore.Create(new EventStoreDbOptions { ConnectionString = "esdb://127.0.0.1:2113?tls=false" })));

        var lease = engine.Services.GetRequiredService<ISchedulerLease>();

        Assert.IsNotType<StreamSchedulerLease>(lease);
        Assert.Equal("EventStoreDbSchedulerLease", lease.GetType().Name);
    }

    [Fact]
    public async Task hosts_in_one_process_have_different_names_in_the_lease()
    {
        await using var one = new Engine();
        await using var two = new Engine(sharing: one);

        Assert.NotEqual(one.Services.GetRequiredService<ISchedulerLease>().HolderId, two.Services.GetRequiredService<ISchedulerLease>().HolderId);
    }
}
