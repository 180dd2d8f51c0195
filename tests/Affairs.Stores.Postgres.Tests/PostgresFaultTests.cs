using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Postgres.Tests;

/// <summary>A server that cannot be reached is the port's <see cref="EventStoreUnavailableException"/>: no server needed, a closed local port stands for it.</summary>
public sealed class PostgresFaultTests
{
    private const string Password = "not-a-real-secret";

    private static PostgresEventStore Unreachable() => new(new PostgresEventStoreOptions
    {
        ConnectionString = $"Host=127.0.0.1;Port={ClosedPort()};Username=affairs;Password={Password};Timeout=5",
        Schema = "unreachable",
    });

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void AssertUnavailable(EventStoreUnavailableException error)
    {
        Assert.NotNull(error.InnerException);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Port=", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_append_to_an_unreachable_server_is_the_store_being_unavailable()
    {
        await using var store = Unreachable();

        AssertUnavailable(await Assert.ThrowsAsync<EventStoreUnavailableException>(
            () => store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1))));
    }

    [Fact]
    public async Task reads_and_migrations_on_an_unreachable_server_are_the_store_being_unavailable()
    {
        await using var store = Unreachable();

        AssertUnavailable(await Assert.ThrowsAsync<EventStoreUnavailableException>(
            async () => await store.ReadStreamAsync(TestEvents.UniqueStream(), ReadDirection.Forwards, 0, 10).ToListAsync()));
        AssertUnavailable(await Assert.ThrowsAsync<EventStoreUnavailableException>(
            async () => await store.ReadAllAsync(SubscriptionFilter.All, 0, 10).ToListAsync()));
        AssertUnavailable(await Assert.ThrowsAsync<EventStoreUnavailableException>(() => store.MigrateAsync()));
    }

    [Fact]
    public async Task a_subscription_to_an_unreachable_server_ends_as_the_store_being_unavailable()
    {
        await using var store = Unreachable();

        AssertUnavailable(await Assert.ThrowsAsync<EventStoreUnavailableException>(
            async () => await store.SubscribeAsync(SubscriptionFilter.All, 0).FirstAsync()));
    }
}
