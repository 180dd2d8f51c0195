using System.Text.Json;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Cases;

public sealed class DibaoCaseTests : IAsyncLifetime
{
    private Centre _centre = null!;

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync() => _centre = await Centre.OpenAsync();

    public async Task DisposeAsync() => await _centre.DisposeAsync();

    [Fact]
    public async Task a_dibao_case_runs_from_application_to_approval_with_its_statutory_clock()
    {
        var caseId = await OpenAndAccept();
        await Investigate(caseId, Centre.A);
        await Fire(caseId, "pass-first-review", Centre.Boss);
        await Fire(caseId, "notice-ended", Actor.System);
        Engine.Clock.Advance(TimeSpan.FromDays(8));
        var approved = await Fire(caseId, "approve", Centre.Boss, data: new()
        {
            ["monthlyBenefit"] = 300m,
            ["paymentStartDate"] = "2026-04-01",
            ["bankAccount"] = "6222020200112233445",
            ["reviewIntervalMonths"] = 12,
        });

        Assert.Equal(("approved", "approved"), (approved.State, approved.Outcome));
        var state = await Load(caseId);
        Assert.True(state.IsClosed);
        Assert.NotNull(state.Clocks["statutory"].StoppedAt);
        Assert.Equal(30, state.Clocks["statutory"].LimitDays);
    }

    [Fact]
    public async Task B_takes_over_when_A_is_on_leave_and_the_event_says_so()
    {
        var caseId = await OpenAndAccept();
        var now = Engine.Clock.GetUtcNow();
        await Engine.Mediator.Send(new RegisterAbsence("s-a", now, now.AddDays(2), AbsenceKind.Leave, Engine.As(Centre.Admin)));

        var refusedA = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Fire(caseId, "record-data-check", Centre.A, new() { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = 500m }));
        await Fire(caseId, "record-data-check", Centre.B, new() { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = 500m });

        Assert.Equal(RejectionKind.Forbidden, refusedA.Kind);
        var last = (await Events(caseId)).OfType<CaseTransitioned>().Last();
        Assert.Equal(("s-b", ActingRole.B, (TakeoverReason?)TakeoverReason.AAbsent), (last.ActorId, last.ActingRole, last.ActingReason));
        Assert.Equal("s-b", (await Load(caseId)).Step.CoveringBId);
    }

    [Fact]
    public async Task someone_neither_responsible_nor_supervisor_is_refused_with_the_reason()
    {
        var caseId = await OpenAndAccept();

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Fire(caseId, "record-data-check", Centre.Other, new() { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = 500m }));

        Assert.Equal("case.not-responsible", error.Code);
        Assert.Equal("s-x is neither responsible for this step (it is with s-a as A) nor the supervisor.", error.Message);
    }

    [Fact]
    public async Task a_trigger_not_permitted_now_is_refused_with_the_permitted_alternatives()
    {
        var caseId = await OpenAndAccept();

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Fire(caseId, "approve", Centre.A));

        Assert.Equal("case.trigger-not-permitted", error.Code);
        var permitted = Assert.IsAssignableFrom<IReadOnlyList<string>>(error.Details["permittedTriggers"]);
        Assert.Contains("record-data-check", permitted);
        Assert.Contains("withdraw", permitted);
        Assert.DoesNotContain("approve", permitted);
    }

    [Fact]
    public async Task a_rejection_without_a_reason_is_refused_and_writes_nothing()
    {
        var caseId = await OpenAndAccept();
        await Investigate(caseId, Centre.A);
        var before = (await Events(caseId)).Count;

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Fire(caseId, "reject", Centre.Boss));

        Assert.Equal("case.trigger-not-permitted", error.Code);
        Assert.Contains("reason", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, (await Events(caseId)).Count);
    }

    [Fact]
    public async Task a_stale_if_match_revision_is_a_conflict_with_the_current_revision()
    {
        var caseId = await OpenAndAccept();
        var current = (await Events(caseId)).Count - 1;

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Engine.Mediator.Send(
            new FireTrigger(caseId, "withdraw", current - 1, "changed my mind", null, Engine.As(Centre.A))));

        Assert.Equal(("concurrency.conflict", (object?)(long)current), (error.Code, error.Details["currentRevision"]));
    }

    [Fact]
    public async Task withdrawal_fires_the_definitions_withdraw_trigger_and_closes_the_case()
    {
        var caseId = await OpenAndAccept();

        var result = await Engine.Mediator.Send(new WithdrawCase(caseId, "moved away", null, Engine.As(Centre.A)));

        Assert.Equal(("withdrawn", "withdrawn"), (result.State, result.Outcome));
        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Engine.Mediator.Send(new AddNote(caseId, "late note", null, Engine.As(Centre.A))));
        Assert.Equal("case.closed", error.Code);
    }

    [Fact]
    public async Task opening_a_case_for_an_unknown_type_or_subject_is_refused_clearly()
    {
        var type = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Engine.Mediator.Send(new OpenCase("no-such-type", null, _centre.HouseholdId, "counter", null, Engine.As(Centre.A))));
        var subject = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Engine.Mediator.Send(new OpenCase("dibao", null, "h-none", "counter", null, Engine.As(Centre.A))));

        Assert.Equal(("affair-type.not-found", "household.not-found"), (type.Code, subject.Code));
    }

    [Fact]
    public async Task a_command_decides_on_what_another_writer_appended_since_the_last_command_and_the_chain_stays_whole()
    {
        var caseId = await OpenAndAccept();
        var elsewhere = await AppendElsewhere(caseId);

        var fired = await Engine.Mediator.Send(new FireTrigger(caseId, "withdraw", elsewhere, "moved away", null, Engine.As(Centre.A)));

        Assert.Equal("withdrawn", fired.State);
        var check = await Engine.Mediator.Send(new VerifyCase(caseId));
        Assert.Equal((true, fired.Revision + 1), (check.Valid, check.EventsChecked));
        Assert.Single((await Events(caseId)).OfType<CaseNoteAdded>());
    }

    [Fact]
    public async Task a_stale_if_match_after_another_writer_is_refused_with_the_revision_the_store_has()
    {
        var caseId = await OpenAndAccept();
        var elsewhere = await AppendElsewhere(caseId);

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await Engine.Mediator.Send(new FireTrigger(caseId, "withdraw", elsewhere - 1, "moved away", null, Engine.As(Centre.A))));

        Assert.Equal(("concurrency.conflict", (object?)elsewhere), (error.Code, error.Details["currentRevision"]));
    }

    [Fact]
    public async Task the_one_time_notice_records_every_missing_item_and_is_not_given_twice()
    {
        var caseId = await new Casework(_centre).OpenDibaoAsync();
        var asText = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Fire(caseId, "request-supplement", Centre.A, new() { ["missingItems"] = "income-proof" }, "materials incomplete"));
        var without = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Fire(caseId, "request-supplement", Centre.A, reason: "materials incomplete"));

        await Fire(caseId, "request-supplement", Centre.A, new() { ["missingItems"] = new[] { "income-proof", "household-register" } }, "materials incomplete");
        await Fire(caseId, "supplement", Centre.A);
        var again = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Fire(caseId, "request-supplement", Centre.A, new() { ["missingItems"] = new[] { "id-cards" } }, "still incomplete"));

        Assert.Equal(RejectionKind.Validation, asText.Kind);
        Assert.Equal("case.trigger-not-permitted", without.Code);
        Assert.Equal("case.trigger-not-permitted", again.Code);
        Assert.Contains("once per case", again.Message, StringComparison.Ordinal);
        var state = await Load(caseId);
        Assert.Equal(("application", "[\"income-proof\",\"household-register\"]"), (state.State, state.Data["missingItems"].GetRawText()));
    }

    private Task<string> OpenAndAccept() => new Casework(_centre).AcceptedDibaoAsync();

    private Task Investigate(string caseId, Actor actor) => new Casework(_centre).InvestigateAsync(caseId, actor);

    private Task<CaseRevision> Fire(string caseId, string trigger, Actor actor, Dictionary<string, object>? data = null, string? reason = null) =>
        new Casework(_centre).FireAsync(caseId, trigger, actor, data, reason);

    private static Dictionary<string, JsonElement> Json(Dictionary<string, object> values) => Casework.Json(values);

    /// <summary>Appends a note to the case as another host would, past this engine; returns the case's new revision.</summary>
    private async Task<long> AppendElsewhere(string caseId)
    {
        var elsewhere = new StreamRepository(Engine.Store, Engine.Services.GetRequiredService<EventCodec>(), new SequentialIdSource());
        var seen = await elsewhere.LoadAsync(CaseStreams.For(caseId), CaseStreams.Fold);
        var note = new CaseNoteAdded(caseId, "written by another host", "s-a", ActingRole.A, Engine.Clock.GetUtcNow());
        return (await elsewhere.AppendAsync(seen, [note], Engine.As(Centre.A).Metadata)).NextExpectedRevision;
    }

    private Task<CaseState> Load(string caseId) => new Casework(_centre).LoadAsync(caseId);

    private Task<List<object>> Events(string caseId) => new Casework(_centre).EventsAsync(caseId);
}
