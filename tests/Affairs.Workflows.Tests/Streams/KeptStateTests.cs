using System.Runtime.CompilerServices;
using System.Text.Json;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Streams;

/// <summary>
/// A command on a stream this process read or wrote last decides on the state it kept, without reading the stream; the
/// append's expected revision is the check. When someone else wrote meanwhile, the command reads and decides again.
/// </summary>
public sealed class KeptStateTests : IAsyncLifetime
{
    private readonly StreamReads _reads = new();
    private Centre _centre = null!;

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync() =>
        _centre = await Centre.OpenAsync(new Engine(services =>
        {
            var store = (IEventStore)services.Last(d => d.ServiceType == typeof(IEventStore)).ImplementationInstance!;
            services.AddSingleton(_reads.Wrap(store));
        }));

    public async Task DisposeAsync() => await _centre.DisposeAsync();

    [Fact]
    public async Task a_command_on_a_case_this_process_wrote_last_reads_nothing_and_keeps_the_state_a_reload_gives()
    {
        var work = new Casework(_centre);
        var caseId = await work.AcceptedDibaoAsync();
        var before = _reads.Of(CaseStreams.For(caseId));

        await work.InvestigateAsync(caseId, Centre.A);
        var passed = await work.FireAsync(caseId, "pass-first-review", Centre.Boss);

        Assert.Equal(before, _reads.Of(CaseStreams.For(caseId)));
        LoadedStream<Domain.Cases.CaseState>? kept = null;
        await Engine.Services.GetRequiredService<StreamRepository>().ExecuteAsync(
            CaseStreams.For(caseId), CaseStreams.Fold, null, new AddNote(caseId, "looked", null, Engine.As(Centre.A)), loaded =>
            {
                kept = loaded;
                return new Decision<long>([], revision => revision);
            });
        Assert.NotNull(kept);
        var reloaded = await Elsewhere().LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold);
        Assert.Equal((passed.Revision, reloaded.LastHash), (kept.Revision, kept.LastHash));
        Assert.Equal(JsonSerializer.Serialize(reloaded.State, EventCodec.JsonOptions), JsonSerializer.Serialize(kept.State, EventCodec.JsonOptions));
    }

    [Fact]
    public async Task a_case_written_elsewhere_meanwhile_is_read_and_decided_again_and_read_first_from_then_on()
    {
        var work = new Casework(_centre);
        var caseId = await work.AcceptedDibaoAsync();
        var elsewhere = await AppendElsewhereAsync(caseId);
        var before = _reads.Of(CaseStreams.For(caseId));

        var noted = await work.NoteAsync(caseId, Centre.A);
        var readAfterRefusal = _reads.Of(CaseStreams.For(caseId)) - before;
        var again = await work.NoteAsync(caseId, Centre.A);

        Assert.Equal(elsewhere + 1, noted.Revision);
        Assert.Equal(1, readAfterRefusal);
        Assert.Equal(noted.Revision + 1, again.Revision);
        Assert.Equal(before + 2, _reads.Of(CaseStreams.For(caseId)));
        Assert.Equal(3, (await work.EventsAsync(caseId)).OfType<CaseNoteAdded>().Count());
        var check = await Engine.Mediator.Send(new Affairs.Workflows.Audit.VerifyCase(caseId));
        Assert.True(check.Valid);
    }

    [Fact]
    public async Task a_takeover_is_recorded_once_however_often_the_engine_is_asked_whether_it_read_the_case_or_not()
    {
        var work = new Casework(_centre);
        var caseId = await work.AcceptedDibaoAsync();
        var now = Engine.Clock.GetUtcNow();
        await Engine.Mediator.Send(new Affairs.Workflows.Staffing.RegisterAbsence("s-a", now, now.AddDays(3), AbsenceKind.Leave, Engine.As(Centre.Admin)));

        var answers = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add((await Engine.Mediator.Send(new RecordEscalation(caseId, Engine.As(Actor.System)))).Recorded);
        }

        await AppendElsewhereAsync(caseId);
        answers.Add((await Engine.Mediator.Send(new RecordEscalation(caseId, Engine.As(Actor.System)))).Recorded);

        Assert.Equal([true, false, false, false], answers);
        Assert.Single((await work.EventsAsync(caseId)).OfType<CaseEscalated>());
    }

    [Fact]
    public async Task a_duplicate_whose_append_the_store_recognises_answers_as_the_first_and_keeps_the_chain_the_stream_has()
    {
        var work = new Casework(_centre);
        var caseId = await work.AcceptedDibaoAsync();
        await work.NoteAsync(caseId, Centre.A);
        await using var otherHost = new Engine(sharing: Engine);
        await otherHost.StartAsync();

        // The client's first try lands on the other host; its retry, a minute later, on this one, which last wrote the
        // case itself and so decides on the state it kept, at the revision where the first try now is.
        var first = await otherHost.Mediator.Send(new AddNote(caseId, "visited the household", null, otherHost.As(Centre.A, "note-key-1")));
        Engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var retry = await Engine.Mediator.Send(new AddNote(caseId, "visited the household", null, Engine.As(Centre.A, "note-key-1")));
        var next = await work.NoteAsync(caseId, Centre.A);

        Assert.Equal(first, retry);
        Assert.Equal(first.Revision + 1, next.Revision);
        Assert.Single((await work.EventsAsync(caseId)).OfType<CaseNoteAdded>(), n => n.Text == "visited the household");
        var check = await Engine.Mediator.Send(new Affairs.Workflows.Audit.VerifyCase(caseId));
        Assert.True(check.Valid);
    }

    [Fact]
    public async Task opening_a_case_and_claiming_a_new_key_read_neither_stream_and_another_opening_of_that_id_is_read_and_refused()
    {
        var data = new Dictionary<string, JsonElement> { ["applicationKind"] = JsonSerializer.SerializeToElement("initial") };
        var opened = await Engine.Mediator.Send(new OpenCase("dibao", null, _centre.HouseholdId, "counter", data, Engine.As(Actor.System, "open-key-1"), CaseId: "given1"));
        var readsOfTheCase = _reads.Of(CaseStreams.For(opened.CaseId));
        var readsOfKeys = _reads.OfCategory("idempotency");

        var again = await Engine.Mediator.Send(new OpenCase("dibao", null, _centre.HouseholdId, "counter", data, Engine.As(Actor.System, "open-key-1"), CaseId: "given1"));
        var refused = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await Engine.Mediator.Send(new OpenCase("dibao", null, _centre.HouseholdId, "counter", data, Engine.As(Actor.System), CaseId: "given1")));

        Assert.Equal((0, 0), (readsOfTheCase, readsOfKeys));
        Assert.Equal(opened, again);
        Assert.Equal("case.exists", refused.Code);
        Assert.Single((await new Casework(_centre).EventsAsync("given1")).OfType<CaseOpened>());
    }

    private StreamRepository Elsewhere() => new(Engine.Store, Engine.Services.GetRequiredService<EventCodec>(), new SequentialIdSource(5_000_000_000));

    private async Task<long> AppendElsewhereAsync(string caseId)
    {
        var elsewhere = Elsewhere();
        var seen = await elsewhere.LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold);
        var note = new CaseNoteAdded(caseId, "written by another host", "s-a", ActingRole.A, Engine.Clock.GetUtcNow());
        return (await elsewhere.AppendAsync(seen, [note], Engine.As(Centre.A).Metadata)).NextExpectedRevision;
    }

    /// <summary>Counts the reads of each stream through the engine's store.</summary>
    private sealed class StreamReads
    {
        private readonly Dictionary<string, int> _reads = new(StringComparer.Ordinal);

        public int Of(StreamName stream)
        {
            lock (_reads)
            {
                return _reads.GetValueOrDefault(stream.Value);
            }
        }

        public int OfCategory(string category)
        {
            lock (_reads)
            {
                return _reads.Where(r => new StreamName(r.Key).Category == category).Sum(r => r.Value);
            }
        }

        public IEventStore Wrap(IEventStore inner) => new Counting(inner, this);

        private void Count(StreamName stream)
        {
            lock (_reads)
            {
                _reads[stream.Value] = _reads.GetValueOrDefault(stream.Value) + 1;
            }
        }

        private sealed class Counting(IEventStore inner, StreamReads reads) : IEventStore
        {
            public Task<AppendResult> AppendAsync(StreamName stream, ExpectedRevision expected, IReadOnlyList<EventToAppend> events, CancellationToken cancellationToken = default) =>
                inner.AppendAsync(stream, expected, events, cancellationToken);

            public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(StreamName stream, ReadDirection direction, long fromRevision, long maxCount, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                reads.Count(stream);
                await foreach (var recorded in inner.ReadStreamAsync(stream, direction, fromRevision, maxCount, cancellationToken).WithCancellation(cancellationToken))
                {
                    yield return recorded;
                }
            }

            public IAsyncEnumerable<RecordedEvent> ReadAllAsync(SubscriptionFilter filter, long afterPosition, long maxCount, CancellationToken cancellationToken = default) =>
                inner.ReadAllAsync(filter, afterPosition, maxCount, cancellationToken);

            public IAsyncEnumerable<RecordedEvent> SubscribeAsync(SubscriptionFilter filter, long checkpoint, CancellationToken cancellationToken = default) =>
                inner.SubscribeAsync(filter, checkpoint, cancellationToken);
        }
    }
}
