using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite.Tests;

public sealed class SqliteStoreTests
{
    [Fact]
    public async Task a_new_file_is_in_wal_mode_with_its_migrations_recorded()
    {
        using var folder = new TempFolder();
        await using (SqliteEventStore.Open(new SqliteEventStoreOptions { Path = folder.File("a.db") }))
        {
        }

        await using var connection = new SqliteConnection($"Data Source={folder.File("a.db")}");
        await connection.OpenAsync();
        await using var mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await mode.ExecuteScalarAsync());
        await using var migrations = connection.CreateCommand();
        migrations.CommandText = "SELECT group_concat(name) FROM schema_migrations";
        Assert.Equal("0001_initial", (string?)await migrations.ExecuteScalarAsync());
    }

    [Fact]
    public async Task reopening_keeps_events_and_continues_revisions_and_positions()
    {
        using var folder = new TempFolder();
        var options = new SqliteEventStoreOptions { Path = folder.File("b.db"), Durability = SqliteDurability.Normal };
        var stream = TestEvents.UniqueStream();
        AppendResult first;
        await using (var store = SqliteEventStore.Open(options))
        {
            first = await store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(2));
        }

        await using var reopened = SqliteEventStore.Open(options);
        var second = await reopened.AppendAsync(stream, ExpectedRevision.Exact(1), TestEvents.Events(1));

        Assert.Equal(2, second.NextExpectedRevision);
        Assert.True(second.LogPosition > first.LogPosition);
        Assert.Equal(3, (await reopened.ReadStreamAsync(stream, ReadDirection.Forwards, 0, 10).ToListAsync()).Count);
    }

    [Fact]
    public async Task concurrent_appends_share_commits_and_a_conflict_fails_only_its_own_caller()
    {
        using var folder = new TempFolder();
        await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = folder.File("c.db") });
        var contested = TestEvents.UniqueStream();
        await store.AppendAsync(contested, ExpectedRevision.NoStream, TestEvents.Events(1));
        var before = store.GroupCommitCounters;

        var tasks = Enumerable.Range(0, 200).Select(i => i % 10 == 0
            ? store.AppendAsync(contested, ExpectedRevision.NoStream, TestEvents.Events(1))
            : store.AppendAsync(TestEvents.UniqueStream(), ExpectedRevision.NoStream, TestEvents.Events(1))).ToArray();
        await Task.WhenAll(tasks.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(20, tasks.Count(t => t.Exception?.InnerException is WrongExpectedRevisionException));
        Assert.Equal(180, tasks.Count(t => t.IsCompletedSuccessfully));
        var after = store.GroupCommitCounters;
        Assert.Equal(200, after.Appends - before.Appends);
        Assert.True(after.Commits - before.Commits < 200, $"{after.Commits - before.Commits} commits for 200 appends: no group commit");
    }

    [Fact]
    public async Task a_subscription_wakes_on_commit_without_waiting_for_the_poll_interval()
    {
        using var folder = new TempFolder();
        await using var store = SqliteEventStore.Open(new SqliteEventStoreOptions
        {
            Path = folder.File("d.db"),
            ExternalWritePollInterval = TimeSpan.FromHours(1),
        });
        var category = TestEvents.UniqueCategory();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var first = store.SubscribeAsync(SubscriptionFilter.ForCategory(category), 0, timeout.Token).GetAsyncEnumerator(timeout.Token);
        var next = first.MoveNextAsync().AsTask();

        await Task.Delay(100);
        await store.AppendAsync(TestEvents.UniqueStream(category), ExpectedRevision.NoStream, TestEvents.Events(1));

        Assert.True(await next);
        Assert.Equal(category, first.Current.Stream.Category);
        await timeout.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await first.MoveNextAsync());
        await first.DisposeAsync();
    }
}
