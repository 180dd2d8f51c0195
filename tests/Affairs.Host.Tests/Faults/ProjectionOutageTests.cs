using Affairs.EventStore;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Faults;

/// <summary>The store faulting host with its projection loop running.</summary>
public sealed class BackgroundStoreFaultFactory : StoreFaultFactory
{
    public BackgroundStoreFaultFactory() => BackgroundServices = true;
}

/// <summary>An outage under the projections: one warning, quiet retries with backoff, and they resume from the checkpoint.</summary>
public sealed class ProjectionOutageTests(BackgroundStoreFaultFactory host) : IClassFixture<BackgroundStoreFaultFactory>
{
    private const string Warning = " Warning: The event store cannot be reached";
    private const string Retry = "still cannot be reached";

    [Fact]
    public async Task an_outage_is_one_warning_then_quiet_retries_and_the_projections_resume_from_their_checkpoint()
    {
        var projections = host.Services.GetRequiredService<ProjectionEngine>();
        var store = host.Services.GetRequiredService<SqliteEventStore>();
        await Until(() => projections.Checkpoint > 0);
        var before = host.Logs.Entries.Count;
        host.Down = true;
        try
        {
            // Written beneath the outage, so the subscription meets it on its next event, and again on each retry.
            await store.AppendAsync(StreamName.For("probe", Guid.NewGuid().ToString("N")), ExpectedRevision.NoStream,
                [new EventToAppend(Guid.NewGuid(), "test.probe.v1", "{}"u8.ToArray(), "{}"u8.ToArray())]);
            await Until(() => Since(before).Any(e => e.Contains(Warning, StringComparison.Ordinal)));
            for (var retry = 0; retry < 3; retry++)
            {
                var retries = Since(before).Count(e => e.Contains(Retry, StringComparison.Ordinal));
                host.Clock.Advance(TimeSpan.FromSeconds(30));
                await Until(() => Since(before).Count(e => e.Contains(Retry, StringComparison.Ordinal)) > retries);
            }
        }
        finally
        {
            host.Down = false;
        }

        var checkpoint = projections.Checkpoint;
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await Until(() => projections.Checkpoint > checkpoint);

        var during = Since(before);
        Assert.Single(during, e => e.Contains(Warning, StringComparison.Ordinal));
        Assert.DoesNotContain(during, e => e.Contains(" Error: ", StringComparison.Ordinal));
        Assert.True(during.Count(e => e.Contains(Retry, StringComparison.Ordinal)) >= 3);
    }

    /// <summary>What the projection runner logged since entry <paramref name="count"/>: the catalog follower rides out the same outage and logs its own.</summary>
    private List<string> Since(int count) =>
        [.. host.Logs.Entries.Skip(count).Where(e => e.StartsWith(typeof(ProjectionService).FullName!, StringComparison.Ordinal))];

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition(), "The condition was not met within 5 s.");
    }
}
