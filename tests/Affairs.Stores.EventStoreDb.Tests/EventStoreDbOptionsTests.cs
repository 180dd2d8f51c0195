using Microsoft.Extensions.Configuration;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class EventStoreDbOptionsTests
{
    [Fact]
    public void the_hosts_store_section_binds_the_connection_string_and_creates_the_store()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Store"] = "EventStoreDb",
                ["Store:EventStoreDb:ConnectionString"] = "esdb://admin:changeit@127.0.0.1:2113?tls=false",
            })
            .Build();

        var options = configuration.GetSection("Store:EventStoreDb").Get<EventStoreDbOptions>() ?? new EventStoreDbOptions();
        using var store = EventStoreDbEventStore.Create(options);

        Assert.Equal(new Uri("http://127.0.0.1:2113"), store.Address);
    }

    [Fact]
    public void a_missing_section_leaves_the_connection_string_empty_and_creation_says_what_to_set()
    {
        var configuration = new ConfigurationBuilder().Build();

        var options = configuration.GetSection("Store:EventStoreDb").Get<EventStoreDbOptions>() ?? new EventStoreDbOptions();
        var error = Assert.Throws<ArgumentException>(() => EventStoreDbEventStore.Create(options));

        Assert.Contains("Store:EventStoreDb:ConnectionString", error.Message, StringComparison.Ordinal);
    }
}
