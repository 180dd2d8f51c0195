using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Affairs.Stores.EventStoreDb.Appends;

namespace Affairs.Stores.EventStoreDb.Tests;

public sealed class KnownTailsTests
{
    private static readonly StreamName Stream = TestEvents.UniqueStream();

    [Fact]
    public void nothing_remembered_means_the_tail_is_read()
    {
        Assert.Null(new KnownTails().WriteAt(Stream, ExpectedRevision.Any, TestEvents.Events(1)));
    }

    [Fact]
    public void after_a_write_any_and_stream_exists_go_to_the_revision_written()
    {
        var tails = new KnownTails();
        tails.Wrote(Stream, 4, TestEvents.Events(2));

        Assert.Equal(ExpectedRevision.Exact(4), tails.WriteAt(Stream, ExpectedRevision.Any, TestEvents.Events(1)));
        Assert.Equal(ExpectedRevision.Exact(4), tails.WriteAt(Stream, ExpectedRevision.StreamExists, TestEvents.Events(2)));
    }

    [Fact]
    public void the_same_batch_again_may_be_a_retry_so_the_tail_is_read()
    {
        var tails = new KnownTails();
        var batch = TestEvents.Events(2);
        tails.Wrote(Stream, 4, batch);

        Assert.Null(tails.WriteAt(Stream, ExpectedRevision.Any, batch));
        Assert.Null(tails.WriteAt(Stream, ExpectedRevision.Any, TestEvents.Events(3)));
    }

    [Fact]
    public void a_forgotten_end_is_read_again()
    {
        var tails = new KnownTails();
        tails.Wrote(Stream, 0, TestEvents.Events(1));
        tails.Forget(Stream);

        Assert.Null(tails.WriteAt(Stream, ExpectedRevision.Any, TestEvents.Events(1)));
    }
}
