using Affairs.Domain.Calendar;
using Affairs.Domain.Staffing;
using Affairs.Domain.Staffing.Events;

namespace Affairs.Domain.Tests.Staffing;

public sealed class ResponsibilityRulesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly WorkingDayCalendar Calendar = new(HolidayScheduleFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "calendars")));

    // Monday 9 March 2026, 09:00 in Beijing.
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 9, 0, 0, Beijing);
    private static readonly StepHandler Dibao = StepHandler.Post("dibao");

    [Fact]
    public void a_step_goes_to_A()
    {
        var r = Resolve(Org(), new StepFacts(Monday), Monday.AddHours(2));

        Assert.Equal(("s-a", ActingRole.A, (TakeoverReason?)null, false), (r.StaffId, r.Role, r.Reason, r.Alert));
    }

    [Fact]
    public void B_takes_over_when_A_is_on_leave()
    {
        var org = Org(new AbsenceRegistered("ab-1", "s-a", Monday, Monday.AddDays(3), AbsenceKind.Leave, Monday));

        var r = Resolve(org, new StepFacts(Monday), Monday.AddHours(1));

        Assert.Equal(("s-b", ActingRole.B, (TakeoverReason?)TakeoverReason.AAbsent), (r.StaffId, r.Role, r.Reason));
    }

    [Fact]
    public void an_absence_registered_after_the_fact_counts_from_its_start()
    {
        // Registered on Wednesday for a meeting on Monday afternoon: Monday afternoon belonged to B all along.
        var org = Org(new AbsenceRegistered("ab-2", "s-a", Monday.AddHours(4), Monday.AddHours(8), AbsenceKind.Meeting, Monday.AddDays(2)));

        Assert.Equal("s-b", Resolve(org, new StepFacts(Monday), Monday.AddHours(5)).StaffId);
        Assert.Equal("s-a", Resolve(org, new StepFacts(Monday), Monday.AddHours(9)).StaffId);
    }

    [Fact]
    public void B_takes_over_when_A_has_not_acted_within_the_takeover_delay()
    {
        // Delay of 1 working day: Monday's step is A's through Tuesday, B's from Wednesday 00:00.
        Assert.Equal("s-a", Resolve(Org(), new StepFacts(Monday), new DateTimeOffset(2026, 3, 10, 23, 59, 0, Beijing)).StaffId);

        var late = Resolve(Org(), new StepFacts(Monday), new DateTimeOffset(2026, 3, 11, 0, 0, 0, Beijing));

        Assert.Equal(("s-b", (TakeoverReason?)TakeoverReason.ALate), (late.StaffId, late.Reason));
    }

    [Fact]
    public void a_waiting_period_ended_by_a_timer_stays_with_A_after_the_delay_but_goes_to_B_when_A_is_away()
    {
        var notice = new StepFacts(Monday, AwaitsTimer: true);
        var org = Org(new AbsenceRegistered("ab-1", "s-a", Monday.AddDays(5), Monday.AddDays(6), AbsenceKind.Leave, Monday));

        Assert.Equal("s-a", Resolve(org, notice, Monday.AddDays(4)).StaffId);
        Assert.Equal(("s-b", (TakeoverReason?)TakeoverReason.AAbsent), (Resolve(org, notice, Monday.AddDays(5).AddHours(1)).StaffId, Resolve(org, notice, Monday.AddDays(5).AddHours(1)).Reason));
    }

    [Fact]
    public void A_who_has_acted_on_the_step_is_not_late()
    {
        var r = Resolve(Org(), new StepFacts(Monday, AActedAt: Monday.AddHours(3)), Monday.AddDays(5));

        Assert.Equal("s-a", r.StaffId);
    }

    [Fact]
    public void the_supervisor_has_it_with_an_alert_when_A_and_B_are_both_away()
    {
        var org = Org(
            new AbsenceRegistered("ab-1", "s-a", Monday, Monday.AddDays(1), AbsenceKind.Leave, Monday),
            new AbsenceRegistered("ab-2", "s-b", Monday, Monday.AddDays(1), AbsenceKind.BusinessTrip, Monday));

        var r = Resolve(org, new StepFacts(Monday), Monday.AddHours(1));

        Assert.Equal(("s-boss", ActingRole.Supervisor, (TakeoverReason?)TakeoverReason.BothAbsent, true), (r.StaffId, r.Role, r.Reason, r.Alert));
    }

    [Fact]
    public void when_A_returns_a_step_B_acted_on_stays_with_B_and_the_others_go_back_to_A()
    {
        var org = Org(new AbsenceRegistered("ab-1", "s-a", Monday, Monday.AddDays(1), AbsenceKind.Leave, Monday));
        var afterReturn = Monday.AddDays(1).AddHours(1);

        var touched = Resolve(org, new StepFacts(Monday, CoveringBId: "s-b"), afterReturn);
        var untouched = Resolve(org, new StepFacts(Monday.AddHours(2)), afterReturn);

        Assert.Equal(("s-b", (TakeoverReason?)TakeoverReason.KeptByB), (touched.StaffId, touched.Reason));
        Assert.Equal("s-a", untouched.StaffId);
    }

    [Fact]
    public void a_step_the_supervisor_reassigned_goes_to_the_assignee()
    {
        var r = Resolve(Org(), new StepFacts(Monday, ReassignedTo: "s-b"), Monday.AddHours(1));

        Assert.Equal(("s-b", ActingRole.B, (TakeoverReason?)TakeoverReason.Reassigned), (r.StaffId, r.Role, r.Reason));
    }

    [Fact]
    public void a_post_without_holders_falls_to_the_supervisor_with_an_alert()
    {
        var r = ResponsibilityRules.Resolve(Org(), StepHandler.Post("insurance"), new StepFacts(Monday), Monday, Calendar);

        Assert.Equal(("s-boss", (TakeoverReason?)TakeoverReason.Unstaffed, true), (r.StaffId, r.Reason, r.Alert));
    }

    [Fact]
    public void a_grid_step_goes_to_the_grid_worker_and_to_the_backup_when_the_worker_is_away()
    {
        var org = Org(new AbsenceRegistered("ab-1", "s-gw", Monday, Monday.AddDays(1), AbsenceKind.Leave, Monday));

        Assert.Equal("s-gb", ResponsibilityRules.Resolve(org, StepHandler.Grid("g-01"), new StepFacts(Monday), Monday.AddHours(1), Calendar).StaffId);
        Assert.Equal("s-gw", ResponsibilityRules.Resolve(org, StepHandler.Grid("g-01"), new StepFacts(Monday), Monday.AddDays(1).AddHours(1), Calendar).StaffId);
    }

    [Fact]
    public void only_the_responsible_person_and_the_supervisor_may_act()
    {
        var org = Org();
        var r = Resolve(org, new StepFacts(Monday), Monday.AddHours(1));

        Assert.Equal((ActingRole?)ActingRole.A, ResponsibilityRules.MayAct("s-a", r, org).Role);
        Assert.Equal((ActingRole?)ActingRole.Supervisor, ResponsibilityRules.MayAct("s-boss", r, org).Role);
        var (role, refusal) = ResponsibilityRules.MayAct("s-b", r, org);
        Assert.Null(role);
        Assert.Equal("s-b is neither responsible for this step (it is with s-a as A) nor the supervisor.", refusal);
    }

    private static Responsibility Resolve(Organisation org, StepFacts step, DateTimeOffset at) =>
        ResponsibilityRules.Resolve(org, Dibao, step, at, Calendar);

    private static Organisation Org(params object[] more)
    {
        object[] events =
        [
            new StaffRegistered("s-a", "甲", Monday), new StaffRegistered("s-b", "乙", Monday), new StaffRegistered("s-boss", "丙", Monday),
            new StaffRegistered("s-gw", "丁", Monday), new StaffRegistered("s-gb", "戊", Monday),
            new PostDefined("dibao", "低保岗", ["dibao"], 1, Monday),
            new PostDefined("insurance", "医保岗", ["medical-insurance"], 1, Monday),
            new PostHoldersAssigned("dibao", "s-a", "s-b", "initial", Monday),
            new SupervisorAppointed("s-boss", Monday),
            new GridDefined("g-01", "第一网格", "s-gw", "s-gb", Monday),
            .. more,
        ];
        return events.Aggregate(Organisation.Empty, (org, e) => org.Apply(e));
    }
}
