using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Households;
using Affairs.Workflows.Idempotency;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Idempotency;

/// <summary>
/// The same idempotency key with the same payload has one effect and one answer, however many attempts arrive at once,
/// and whether or not an earlier attempt's host died after the effect.
/// </summary>
public sealed class ExactlyOnceTests
{
    private const int Parallel = 32;

    /// <summary>One kind of command: how to send it with a key, and which stream its effect lands on.</summary>
    public sealed record Kind(string Name, Func<Centre, Casework, Task<object>> Arrange, Func<Centre, object, CommandContext, IAffairsCommand> Command, Func<Centre, object, object, StreamName> Stream)
    {
        public override string ToString() => Name;
    }

    private static readonly Dictionary<string, Kind> Kinds = new[]
    {
        new Kind("open-case", (_, _) => Task.FromResult<object>(string.Empty),
            (c, _, ctx) => new OpenCase("dibao", null, c.HouseholdId, "counter", Casework.Json(new() { ["applicationKind"] = "initial" }), ctx),
            (_, _, answer) => CaseStreams.For(((CaseRevision)answer).CaseId)),
        new Kind("fire-trigger", async (_, work) => await work.AcceptedDibaoAsync(),
            (_, caseId, ctx) => new FireTrigger((string)caseId, "record-data-check", null, null, Casework.Json(new() { ["dataCheckReportNo"] = "HC-1", ["monthlyIncomePerPerson"] = 500m }), ctx),
            (_, caseId, _) => CaseStreams.For((string)caseId)),
        new Kind("add-note", async (_, work) => await work.OpenDibaoAsync(),
            (_, caseId, ctx) => new AddNote((string)caseId, "called the applicant", null, ctx),
            (_, caseId, _) => CaseStreams.For((string)caseId)),
        new Kind("attach-material", async (_, work) => await work.OpenDibaoAsync(),
            (_, caseId, ctx) => new AttachMaterial((string)caseId, "income-proof", "p.pdf", "application/pdf", 10, new string('c', 64), null, ctx),
            (_, caseId, _) => CaseStreams.For((string)caseId)),
        new Kind("amend-data", async (_, work) => await work.OpenDibaoAsync(),
            (_, caseId, ctx) => new AmendData((string)caseId, Casework.Json(new() { ["householdSize"] = 4 }), "a new member", null, ctx),
            (_, caseId, _) => CaseStreams.For((string)caseId)),
        new Kind("withdraw-case", async (_, work) => await work.OpenDibaoAsync(),
            (_, caseId, ctx) => new WithdrawCase((string)caseId, "no longer needed", null, ctx),
            (_, caseId, _) => CaseStreams.For((string)caseId)),
        new Kind("reassign-case", async (_, work) => await work.OpenDibaoAsync(),
            (_, caseId, ctx) => new ReassignCase((string)caseId, "s-x", "A is overloaded", null, ctx),
            (_, caseId, _) => CaseStreams.For((string)caseId)),
        new Kind("register-resident", (_, _) => Task.FromResult<object>(string.Empty),
            (_, _, ctx) => new RegisterResident("110105198001010016", "李四", "13900139000", "东门街道 2 号", "g-01", null, null, ctx),
            (_, _, answer) => ResidentStreams.For(((ResidentRevision)answer).ResidentId)),
        new Kind("register-household", (_, _) => Task.FromResult<object>(string.Empty),
            (c, _, ctx) => new RegisterHousehold(c.ResidentId, "东门街道 1 号", "g-01", ctx),
            (_, _, answer) => HouseholdStreams.For(((HouseholdRevision)answer).HouseholdId)),
        new Kind("register-absence", (_, _) => Task.FromResult<object>(string.Empty),
            (_, _, ctx) => new RegisterAbsence("s-a", new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 3, 12, 0, 0, 0, TimeSpan.FromHours(8)), AbsenceKind.Leave, ctx),
            (c, _, _) => c.Engine.Services.GetRequiredService<OrganisationDirectory>().Stream),
    }.ToDictionary(k => k.Name);

    public static TheoryData<string> KindNames => [.. Kinds.Keys];

    private static Actor ActorFor(string kind) => kind == "reassign-case" ? Centre.Boss : Centre.A;

    private static async Task<long> RevisionAsync(Engine engine, StreamName stream)
    {
        long revision = StreamRevision.None;
        await foreach (var e in engine.Store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue))
        {
            revision = e.Revision;
        }

        return revision;
    }

    private static Task<object?> SendAsync(IMediator mediator, IAffairsCommand command) => mediator.Send((object)command).AsTask();

    [Theory]
    [MemberData(nameof(KindNames))]
    public async Task parallel_attempts_with_one_key_have_one_effect_and_one_answer(string name)
    {
        var kind = Kinds[name];
        await using var centre = await Centre.OpenAsync();
        var work = new Casework(centre);
        var arranged = await kind.Arrange(centre, work);
        var actor = ActorFor(name);
        var streamBefore = name is "open-case" or "register-resident" or "register-household" ? (StreamName?)null : kind.Stream(centre, arranged, null!);
        var before = streamBefore is { } s ? await RevisionAsync(centre.Engine, s) : StreamRevision.None;

        // Every attempt is a separate request: its own command id, the same key and payload.
        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            Task.Run(() => SendAsync(centre.Engine.Mediator, kind.Command(centre, arranged, centre.Engine.As(actor, "key-" + name))))));

        var json = answers.Select(a => JsonSerializer.Serialize(a)).Distinct().ToList();
        Assert.Single(json);
        var stream = kind.Stream(centre, arranged, answers[0]!);
        var after = await RevisionAsync(centre.Engine, stream);
        var single = await centre.Engine.Services.GetRequiredService<StreamRepository>().LoadAsync(stream, new CountFold());
        var written = single.Events.Where(e => e.Recorded.Revision > before).ToList();
        Assert.NotEmpty(written);
        Assert.All(written, e => Assert.Equal("key-" + name, e.Metadata.IdempotencyKey));
        Assert.Single(written.Select(e => e.Metadata.CausationId).Distinct());
        Assert.Equal(after, written[^1].Recorded.Revision);

        // And a retry much later, on a host that has never seen the stream, still answers the same without an effect.
        await using var restarted = new Engine(sharing: centre.Engine);
        await restarted.StartAsync();
        var again = await SendAsync(restarted.Mediator, kind.Command(centre, arranged, restarted.As(actor, "key-" + name)));
        Assert.Equal(json[0], JsonSerializer.Serialize(again));
        Assert.Equal(after, await RevisionAsync(centre.Engine, stream));
    }

    [Fact]
    public async Task a_key_claimed_by_a_host_that_died_before_the_effect_runs_the_command_once_on_retry()
    {
        await using var centre = await Centre.OpenAsync();
        var work = new Casework(centre);
        var caseId = await work.OpenDibaoAsync();
        var note = new AddNote(caseId, "called the applicant", null, centre.Engine.As(Centre.A, "died-after-claim"));
        var repository = centre.Engine.Services.GetRequiredService<StreamRepository>();

        // The claim a first attempt wrote before its host died, with no effect on the case.
        var claimStream = StreamName.For("idempotency", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("s-a\ndied-after-claim")))[..40]);
        var claim = await repository.LoadAsync(claimStream, new CountFold());
        await repository.AppendAsync(claim, [new IdempotencyClaimed(nameof(AddNote), CommandPayload.Hash(note), centre.Engine.Clock.GetUtcNow())], note.Context.Metadata);
        var before = (await work.EventsAsync(caseId)).Count;

        var answer = await centre.Engine.Mediator.Send(note with { Context = centre.Engine.As(Centre.A, "died-after-claim") });
        var again = await centre.Engine.Mediator.Send(note with { Context = centre.Engine.As(Centre.A, "died-after-claim") });

        Assert.Equal(before + 1, (await work.EventsAsync(caseId)).Count);
        Assert.Equal(answer, again);
    }

    [Fact]
    public async Task a_key_used_again_with_another_payload_is_refused_wherever_it_is_sent()
    {
        await using var centre = await Centre.OpenAsync();
        var work = new Casework(centre);
        var one = await work.OpenDibaoAsync();
        var other = await work.OpenDibaoAsync();
        await centre.Engine.Mediator.Send(new AddNote(one, "first", null, centre.Engine.As(Centre.A, "k")));

        var sameCase = await Assert.ThrowsAsync<CommandRejectedException>(async () => await centre.Engine.Mediator.Send(new AddNote(one, "second", null, centre.Engine.As(Centre.A, "k"))));
        var otherCase = await Assert.ThrowsAsync<CommandRejectedException>(async () => await centre.Engine.Mediator.Send(new AddNote(other, "first", null, centre.Engine.As(Centre.A, "k"))));

        Assert.Equal("idempotency.key-reused", sameCase.Code);
        Assert.Equal("idempotency.key-reused", otherCase.Code);
        Assert.Empty((await work.EventsAsync(other)).OfType<Domain.Cases.Events.CaseNoteAdded>());
    }

    [Fact]
    public async Task another_actor_may_use_the_same_key()
    {
        await using var centre = await Centre.OpenAsync();
        var work = new Casework(centre);
        var caseId = await work.OpenDibaoAsync();
        await centre.Engine.Mediator.Send(new AddNote(caseId, "from A", null, centre.Engine.As(Centre.A, "shared")));
        await centre.Engine.Mediator.Send(new AddNote(caseId, "from the head", null, centre.Engine.As(Centre.Boss, "shared")));

        Assert.Equal(2, (await work.EventsAsync(caseId)).OfType<Domain.Cases.Events.CaseNoteAdded>().Count());
    }

    [Theory]
    [InlineData(201)]
    [InlineData(0)]
    public async Task a_key_that_is_too_long_or_empty_is_a_validation_error(int length)
    {
        await using var centre = await Centre.OpenAsync();
        var caseId = await new Casework(centre).OpenDibaoAsync();

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await centre.Engine.Mediator.Send(new AddNote(caseId, "x", null, centre.Engine.As(Centre.A, new string('k', length)))));

        Assert.Equal(RejectionKind.Validation, error.Kind);
        Assert.Contains("Idempotency-Key", ((IReadOnlyDictionary<string, string[]>)error.Details!["errors"]!).Keys);
    }

    [Fact]
    public async Task a_retry_with_the_revision_it_was_sent_with_answers_as_the_first_time()
    {
        await using var centre = await Centre.OpenAsync();
        var work = new Casework(centre);
        var caseId = await work.OpenDibaoAsync();
        var revision = (await centre.Engine.Mediator.Send(new GetCase(caseId, null, null))).Revision;

        var first = await centre.Engine.Mediator.Send(new AddNote(caseId, "n", revision, centre.Engine.As(Centre.A, "with-if-match")));
        var retry = await centre.Engine.Mediator.Send(new AddNote(caseId, "n", revision, centre.Engine.As(Centre.A, "with-if-match")));
        var stale = await Assert.ThrowsAsync<CommandRejectedException>(async () => await centre.Engine.Mediator.Send(new AddNote(caseId, "n", revision, centre.Engine.As(Centre.A))));

        Assert.Equal(first, retry);
        Assert.Equal("concurrency.conflict", stale.Code);
    }

    private sealed class CountFold : IStateFold<int>
    {
        public int Initial => 0;

        public int Apply(int state, object @event) => state + 1;
    }
}
