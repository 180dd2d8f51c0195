using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Postgres.Tests;

[RequiresEnvironment(PostgresFixture.Variable)]
public sealed class PostgresMigrationTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [ConformanceFact]
    public async Task migrating_a_fresh_schema_records_every_script_once_and_migrating_again_changes_nothing()
    {
        var store = fixture.CreateStore();

        await store.MigrateAsync();
        var first = await Versions(store.Schema);
        await store.MigrateAsync();

        Assert.Equal(PostgresSchema.Scripts.Select(s => s.Name), first);
        Assert.Equal(first, await Versions(store.Schema));
    }

    [ConformanceFact]
    public async Task stores_starting_at_once_on_a_fresh_schema_migrate_it_exactly_once()
    {
        var schema = fixture.CreateStore().Schema;
        var stores = Enumerable.Range(0, 4).Select(_ => fixture.CreateStore(schema)).ToArray();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));
        var results = await Task.WhenAll(stores.Select(s => s.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1))));

        Assert.Equal(PostgresSchema.Scripts.Select(s => s.Name), await Versions(schema));
        Assert.Equal(4, results.Select(r => r.LogPosition).Distinct().Count());
    }

    [ConformanceFact]
    public async Task read_model_stores_starting_at_once_on_a_fresh_schema_all_create_and_use_its_tables()
    {
        var schema = "rm_" + Guid.NewGuid().ToString("N")[..12];
        var stores = Enumerable.Range(0, 6).Select(_ => new PostgresReadModelStore(PostgresFixture.ConnectionString, schema)).ToArray();
        try
        {
            var saved = await Task.WhenAll(stores.Select((s, i) => Task.Run(() =>
                s.SaveAsync(new ReadModelChanges("m" + i, 1, 10, [new ReadModelRow("case", "c1", "{}")], ReplaceAll: true)))));
            var loaded = await Task.WhenAll(stores.Select((s, i) => s.LoadAsync("m" + i)));

            Assert.All(saved, Assert.True);
            Assert.All(loaded, l => Assert.Equal((1, 10L, 1), (l!.Version, l.Checkpoint, l.Rows.Count)));
        }
        finally
        {
            foreach (var store in stores)
            {
                await store.DisposeAsync();
            }
        }
    }

    [ConformanceFact]
    public async Task a_store_opened_again_on_its_schema_finds_its_events_and_continues_the_log()
    {
        var stream = TestEvents.UniqueStream();
        var first = fixture.CreateStore();
        var written = await first.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(3));
        await first.DisposeAsync();

        var again = fixture.CreateStore(first.Schema);
        var next = await again.AppendAsync(stream, ExpectedRevision.Exact(2), TestEvents.Events(1, 3));

        Assert.Equal(3, next.NextExpectedRevision);
        Assert.Equal(written.LogPosition + 1, next.LogPosition);
        Assert.Equal(4, await again.ReadStreamAsync(stream, ReadDirection.Forwards, 0, 100).CountAsync());
    }

    [Fact]
    public void a_schema_name_that_would_need_quoting_is_refused_before_anything_connects()
    {
        foreach (var bad in new[] { "Affairs", "a-b", "x; DROP TABLE y", "1st", "" })
        {
            Assert.Throws<ArgumentException>(() => new PostgresEventStore(new PostgresEventStoreOptions { ConnectionString = "Host=nowhere", Schema = bad }));
        }
    }

    private static async Task<string[]> Versions(string schema)
    {
        var names = await PostgresFixture.ScalarAsync<string[]>($"SELECT array_agg(name ORDER BY version) FROM \"{schema}\".schema_migrations");
        return names;
    }
}
