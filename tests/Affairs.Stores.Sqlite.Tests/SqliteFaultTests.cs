using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite.Tests;

/// <summary>A file the store cannot use is the port's <see cref="EventStoreUnavailableException"/>, never SQLite's own exception.</summary>
public sealed class SqliteFaultTests
{
    [Fact]
    public void a_path_that_cannot_be_opened_is_the_store_being_unavailable()
    {
        using var folder = new TempFolder();
        var directory = folder.File("a-folder.db");
        Directory.CreateDirectory(directory);

        var error = Assert.Throws<EventStoreUnavailableException>(() => SqliteEventStore.Open(new SqliteEventStoreOptions { Path = directory }));

        Assert.NotNull(error.InnerException);
        Assert.True(error.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public void a_file_that_is_not_a_database_is_the_store_being_damaged_and_is_left_as_it_was()
    {
        using var folder = new TempFolder();
        var file = folder.File("events.db");
        var garbage = new byte[8192];
        new Random(7).NextBytes(garbage);
        File.WriteAllBytes(file, garbage);

        var error = Assert.Throws<EventStoreDamagedException>(() => SqliteEventStore.Open(new SqliteEventStoreOptions { Path = file }));

        Assert.IsType<SqliteException>(error.InnerException);
        Assert.Contains("Restore it from a backup", error.Message, StringComparison.Ordinal);
        Assert.Equal(garbage, File.ReadAllBytes(file));
    }

    [Fact]
    public async Task an_append_to_a_file_locked_past_the_busy_timeout_is_the_store_being_unavailable_and_the_next_one_succeeds()
    {
        using var folder = new TempFolder();
        var path = folder.File("locked.db");
        await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = path, BusyTimeout = TimeSpan.FromSeconds(1) });
        var stream = TestEvents.UniqueStream();
        await using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await other.OpenAsync();
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE";
            await hold.ExecuteNonQueryAsync();

            var error = await Assert.ThrowsAsync<EventStoreUnavailableException>(
                () => store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1)));

            Assert.Equal(5, Assert.IsType<SqliteException>(error.InnerException).SqliteErrorCode);
        }

        var result = await store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));
        Assert.Equal(0, result.NextExpectedRevision);
    }
}
