using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Queues;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Tests.Cases;

namespace Affairs.Workflows.Tests.Queues;

public sealed class ResponsibilityQueueTests : IAsyncLifetime
{
    private Centre _centre = null!;
    private Casework _work = null!;

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync();
        _work = new Casework(_centre);
    }

    public async Task DisposeAsync() => await _centre.DisposeAsync();

    [Fact]
    public async Task a_new_step_of_a_post_is_in_A_s_queue_and_in_the_post_s_queue()
    {
        var caseId = await _work.AcceptedDibaoAsync();

        var a = await Engine.Mediator.Send(new GetStaffQueue("s-a"));
        var post = await Engine.Mediator.Send(new GetPostQueue("dibao"));

        var item = Assert.Single(a.AsA);
        Assert.Equal((caseId, "investigation", ActingRole.A, (TakeoverReason?)null), (item.CaseId, item.State, item.Role, item.Reason));
        Assert.Empty(a.AsB);
        Assert.Equal(("s-a", "s-b", caseId), (post.AHolderId, post.BHolderId, Assert.Single(post.Items).CaseId));
        Assert.Empty((await Engine.Mediator.Send(new GetStaffQueue("s-b"))).AsB);
    }

    [Fact]
    public async Task B_takes_over_when_A_is_on_leave()
    {
        var caseId = await _work.AcceptedDibaoAsync();
        var now = Engine.Clock.GetUtcNow();
        await Engine.Mediator.Send(new RegisterAbsence("s-a", now, now.AddDays(3), AbsenceKind.Leave, Engine.As(Centre.Admin)));

        var b = await Engine.Mediator.Send(new GetStaffQueue("s-b"));
        var a = await Engine.Mediator.Send(new GetStaffQueue("s-a"));

        var item = Assert.Single(b.AsB);
        Assert.Equal((caseId, "s-b", (TakeoverReason?)TakeoverReason.AAbsent), (item.CaseId, item.ResponsibleId, item.Reason));
        Assert.Empty(a.AsA);
    }

    [Fact]
    public async Task an_absence_registered_late_counts_from_its_start_and_the_queue_is_recomputed()
    {
        var caseId = await _work.AcceptedDibaoAsync();
        var start = Engine.Clock.GetUtcNow();
        Engine.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Single((await Engine.Mediator.Send(new GetStaffQueue("s-a"))).AsA);

        await Engine.Mediator.Send(new RegisterAbsence("s-a", start.AddHours(1), start.AddDays(2), AbsenceKind.BusinessTrip, Engine.As(Centre.Admin)));
        var run = await _work.FireTimersAsync();

        Assert.Empty((await Engine.Mediator.Send(new GetStaffQueue("s-a"))).AsA);
        Assert.Equal(caseId, Assert.Single((await Engine.Mediator.Send(new GetStaffQueue("s-b"))).AsB).CaseId);
        Assert.Single(run.Fired);
        var escalated = Assert.Single((await _work.EventsAsync(caseId)).OfType<CaseEscalated>());
        Assert.Equal((TakeoverReason.AAbsent, "s-a", "s-b", start.AddHours(1), false), (escalated.Reason, escalated.FromStaffId, escalated.ToStaffId, escalated.At, escalated.Alert));
    }

    [Fact]
    public async Task after_the_takeover_delay_B_takes_over_and_the_takeover_is_recorded_once()
    {
        var caseId = await _work.AcceptedDibaoAsync();
        Assert.Empty((await _work.FireTimersAsync()).Due);

        Engine.Clock.Advance(TimeSpan.FromDays(1)); // Tuesday: A's one working day runs to the end of today
        Assert.Empty((await _work.FireTimersAsync()).Due);
        Engine.Clock.Advance(TimeSpan.FromDays(1)); // Wednesday: A is late
        var first = await _work.FireTimersAsync();
        var second = await _work.FireTimersAsync();

        Assert.Single(first.Fired);
        Assert.Empty(second.Due);
        var item = Assert.Single((await Engine.Mediator.Send(new GetStaffQueue("s-b"))).AsB);
        Assert.Equal(TakeoverReason.ALate, item.Reason);
        var escalated = Assert.Single((await _work.EventsAsync(caseId)).OfType<CaseEscalated>());
        Assert.Equal((TakeoverReason.ALate, "s-b", ActingRole.B), (escalated.Reason, escalated.ToStaffId, escalated.ToRole));
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.FromHours(8)), escalated.At);
    }

    [Fact]
    public async Task when_A_and_B_are_both_away_the_supervisor_has_the_step_with_an_alert()
    {
        var caseId = await _work.AcceptedDibaoAsync();
        var now = Engine.Clock.GetUtcNow();
        await Engine.Mediator.Send(new RegisterAbsence("s-a", now, now.AddDays(2), AbsenceKind.Leave, Engine.As(Centre.Admin)));
        await Engine.Mediator.Send(new RegisterAbsence("s-b", now.AddHours(1), now.AddDays(2), AbsenceKind.Meeting, Engine.As(Centre.Admin)));
        Engine.Clock.Advance(TimeSpan.FromHours(2));

        var boss = await Engine.Mediator.Send(new GetStaffQueue("s-boss"));
        await _work.FireTimersAsync();

        var alert = Assert.Single(boss.Alerts);
        Assert.Equal((caseId, ActingRole.Supervisor, (TakeoverReason?)TakeoverReason.BothAbsent), (alert.CaseId, alert.Role, alert.Reason));
        var escalated = Assert.Single((await _work.EventsAsync(caseId)).OfType<CaseEscalated>());
        Assert.Equal((TakeoverReason.BothAbsent, "s-boss", true, now.AddHours(1)), (escalated.Reason, escalated.ToStaffId, escalated.Alert, escalated.At));
    }

    [Fact]
    public async Task when_A_returns_B_keeps_what_B_acted_on_and_the_rest_come_back_to_A_on_a_handover_list()
    {
        var kept = await _work.AcceptedDibaoAsync();
        var returned = await _work.AcceptedDibaoAsync();
        var now = Engine.Clock.GetUtcNow();
        await Engine.Mediator.Send(new RegisterAbsence("s-a", now, now.AddHours(4), AbsenceKind.Meeting, Engine.As(Centre.Admin)));
        await _work.NoteAsync(kept, Centre.B);
        Engine.Clock.Advance(TimeSpan.FromHours(5));

        var a = await Engine.Mediator.Send(new GetStaffQueue("s-a"));
        var b = await Engine.Mediator.Send(new GetStaffQueue("s-b"));
        var handover = await Engine.Mediator.Send(new GetHandoverList("s-a"));

        Assert.Equal(returned, Assert.Single(a.AsA).CaseId);
        var keptItem = Assert.Single(b.AsB);
        Assert.Equal((kept, (TakeoverReason?)TakeoverReason.KeptByB), (keptItem.CaseId, keptItem.Reason));
        Assert.Equal((now, now.AddHours(4)), (handover.AwayFrom!.Value, handover.AwayTo!.Value));
        var dispositions = handover.Items.ToDictionary(i => i.Item.CaseId, i => (i.Disposition, i.ActsWhileAway));
        Assert.Equal((HandoverDisposition.KeptByB, 1), dispositions[kept]);
        Assert.Equal((HandoverDisposition.ReturnedToA, 0), dispositions[returned]);
    }

    [Fact]
    public async Task the_supervisor_may_always_act_and_anyone_else_is_refused()
    {
        var caseId = await _work.AcceptedDibaoAsync();

        await _work.NoteAsync(caseId, Centre.Boss);
        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() => _work.NoteAsync(caseId, Centre.Other));

        Assert.Equal((RejectionKind.Forbidden, "case.not-responsible"), (refused.Kind, refused.Code));
        var note = Assert.Single((await _work.EventsAsync(caseId)).OfType<CaseNoteAdded>());
        Assert.Equal(("s-boss", ActingRole.Supervisor), (note.ActorId, note.ActingRole));
        Assert.Single((await Engine.Mediator.Send(new GetStaffQueue("s-a"))).AsA);
    }
}
