using Microsoft.Extensions.Time.Testing;

namespace Affairs.EventStore.Tests;

public sealed class LeaseWatchTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);

    [Fact]
    public void a_stream_seen_standing_at_one_revision_for_a_whole_duration_stood_still()
    {
        var time = new FakeTimeProvider();
        var watch = new LeaseWatch(time, Duration);

        Assert.False(watch.StoodStill(3));
        time.Advance(Duration - TimeSpan.FromTicks(1));
        Assert.False(watch.StoodStill(3));
        time.Advance(TimeSpan.FromTicks(1));
        Assert.True(watch.StoodStill(3));
    }

    [Fact]
    public void a_stream_that_moved_starts_the_watch_again()
    {
        var time = new FakeTimeProvider();
        var watch = new LeaseWatch(time, Duration);
        watch.StoodStill(3);
        time.Advance(Duration / 2);

        Assert.False(watch.StoodStill(4));
        time.Advance(Duration / 2);
        Assert.False(watch.StoodStill(4));
        time.Advance(Duration / 2);
        Assert.True(watch.StoodStill(4));
    }

    [Fact]
    public void a_forgotten_watch_starts_over()
    {
        var time = new FakeTimeProvider();
        var watch = new LeaseWatch(time, Duration);
        watch.StoodStill(3);
        time.Advance(Duration);

        watch.Forget();

        Assert.False(watch.StoodStill(3));
    }
}
