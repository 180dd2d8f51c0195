using System.Data.Common;
using Affairs.EventStore;
using Affairs.Stores.Conformance;

namespace Affairs.Stores.Postgres.Tests;

[RequiresEnvironment(PostgresFixture.Variable)]
public sealed class PostgresGroupCommitTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [ConformanceFact]
    public async Task an_append_the_server_refuses_fails_alone_and_the_appends_waiting_with_it_commit()
    {
        var store = await fixture.MigratedStoreAsync();
        var category = TestEvents.UniqueCategory();
        var refused = new EventToAppend(Guid.NewGuid(), "text.with.nul\0.v1", "{}"u8.ToArray(), "{}"u8.ToArray());

        var before = Enumerable.Range(0, 31).Select(_ => store.AppendAsync(TestEvents.UniqueStream(category), ExpectedRevision.NoStream, TestEvents.Events(1))).ToList();
        var bad = store.AppendAsync(TestEvents.UniqueStream(category), ExpectedRevision.NoStream, [refused]);
        var after = Enumerable.Range(0, 31).Select(_ => store.AppendAsync(TestEvents.UniqueStream(category), ExpectedRevision.NoStream, TestEvents.Events(1))).ToList();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.IsAssignableFrom<DbException>(refusal.InnerException);
        var results = await Task.WhenAll(before.Concat(after));
        Assert.Equal(62, results.Select(r => r.LogPosition).Distinct().Count());
        Assert.Equal(62, await store.ReadAllAsync(SubscriptionFilter.ForCategory(category), 0, long.MaxValue).CountAsync());
    }

    [ConformanceFact]
    public async Task concurrent_appends_share_commits_and_each_gets_its_own_outcome()
    {
        var store = await fixture.MigratedStoreAsync();
        var stream = TestEvents.UniqueStream();
        await store.AppendAsync(stream, ExpectedRevision.NoStream, TestEvents.Events(1));
        var (commits, appends) = store.GroupCommitCounters;

        var racers = Enumerable.Range(0, 64).Select(_ => store.AppendAsync(stream, ExpectedRevision.Exact(0), TestEvents.Events(1))).ToList();
        var outcomes = await Task.WhenAll(racers.Select(async r =>
        {
            try
            {
                await r;
                return true;
            }
            catch (WrongExpectedRevisionException error)
            {
                Assert.Equal(1, error.Actual);
                return false;
            }
        }));

        var (commitsAfter, appendsAfter) = store.GroupCommitCounters;
        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(64, appendsAfter - appends);
        Assert.True(commitsAfter - commits < 64, $"{commitsAfter - commits} commits for 64 appends");
    }
}
