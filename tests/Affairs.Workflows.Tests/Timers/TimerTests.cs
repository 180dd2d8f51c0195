using Affairs.EventStore;
using System.Text.Json;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Tests.Cases;
using Affairs.Workflows.Timers;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Timers;

public sealed class TimerTests : IAsyncLifetime
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
    public async Task the_seven_day_public_notice_ends_by_timer_after_its_seventh_day()
    {
        var caseId = await _work.DibaoOnNoticeAsync();
        Engine.Clock.Advance(TimeSpan.FromDays(7)); // Monday 16 March, 09:00: the seventh day is not over
        await _work.FireTimersAsync();
        Assert.Empty(NoticeEnded(await _work.EventsAsync(caseId)));

        Engine.Clock.Advance(TimeSpan.FromDays(1));
        await _work.FireTimersAsync();

        var ended = Assert.Single(NoticeEnded(await _work.EventsAsync(caseId)));
        Assert.Equal(("system", "confirmation"), (ended.ActorId, ended.To));
    }

    [Fact]
    public async Task a_waiting_public_notice_is_not_escalated_for_lateness_while_its_timer_runs()
    {
        var caseId = await _work.DibaoOnNoticeAsync();
        Engine.Clock.Advance(TimeSpan.FromDays(3)); // past the dibao post's one-working-day takeover delay

        await _work.FireTimersAsync();

        Assert.Empty((await _work.EventsAsync(caseId)).OfType<CaseEscalated>());
    }

    [Fact]
    public async Task a_timer_fires_once_across_a_restart_even_when_it_is_sent_again_with_its_key()
    {
        var caseId = await _work.DibaoOnNoticeAsync();
        Engine.Clock.Advance(TimeSpan.FromDays(8));
        var first = await _work.FireTimersAsync();
        var key = first.Due.Single(t => t.Kind == TimerKind.State).Key;

        await using var restarted = new Engine(sharing: Engine);
        await restarted.StartAsync();
        var again = await restarted.Services.GetRequiredService<TimerScheduler>().FireDueAsync();
        var replayed = await restarted.Mediator.Send(new FireTrigger(caseId, "notice-ended", null, "Time limit of the step ran out.", null, new Commands.CommandContext(Domain.Staffing.Actor.System, "cmd-again", key, key)));

        Assert.DoesNotContain(again.Due, t => t.Kind == TimerKind.State);
        Assert.Equal("confirmation", replayed.State);
        Assert.Single(NoticeEnded(await _work.EventsAsync(caseId)));
    }

    [Fact]
    public async Task two_schedulers_on_one_store_fire_each_timer_once()
    {
        var caseIds = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            caseIds.Add(await _work.DibaoOnNoticeAsync());
        }

        // The second host's appends wait at a gate, so that both hosts have seen every timer due before either fires:
        // the second decides first and is held at its first append; the first then fires them all; then the second
        // goes on, and must find each one done.
        var gate = new RacingStore(Engine.Store);
        await using var second = new Engine(s => s.AddSingleton<IEventStore>(gate), sharing: Engine);
        await second.StartAsync();
        Engine.Clock.Advance(TimeSpan.FromDays(8));
        var attempted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.BeforeNextAppend = async () =>
        {
            attempted.TrySetResult();
            await open.Task;
        };

        var late = Task.Run(() => second.Services.GetRequiredService<TimerScheduler>().FireDueAsync());
        await attempted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var early = await _work.FireTimersAsync();
        open.TrySetResult();
        var runs = new[] { early, await late };

        foreach (var caseId in caseIds)
        {
            var events = await _work.EventsAsync(caseId);
            Assert.Single(NoticeEnded(events));
            Assert.All(events.OfType<CaseEscalated>().GroupBy(e => (e.State, e.Reason)), g => Assert.Single(g));
        }

        Assert.All(runs, r => Assert.NotEmpty(r.Due));
    }

    [Fact]
    public async Task a_certification_not_done_by_its_deadline_suspends_the_pension()
    {
        var caseId = await OpenCertificationAsync();
        Engine.Clock.Advance(TimeSpan.FromDays(60));
        await _work.FireTimersAsync();
        Assert.Empty(Transitions(await _work.EventsAsync(caseId), "suspend"));

        Engine.Clock.Advance(TimeSpan.FromDays(1));
        await _work.FireTimersAsync();

        var suspended = Assert.Single(Transitions(await _work.EventsAsync(caseId), "suspend"));
        Assert.Equal(("system", "suspended"), (suspended.ActorId, suspended.To));
    }

    [Fact]
    public async Task a_reported_death_starts_the_termination_of_open_certifications()
    {
        var caseId = await OpenCertificationAsync();
        Engine.Clock.Advance(TimeSpan.FromDays(2));
        await Engine.Mediator.Send(new RecordResidentDeath(_centre.ResidentId, new DateOnly(2026, 3, 10), "civil-affairs", Engine.As(Centre.A)));

        await _work.FireTimersAsync();
        var again = await _work.FireTimersAsync();

        var terminated = Assert.Single(Transitions(await _work.EventsAsync(caseId), "report-death"));
        Assert.Equal(("system", "terminated", "2026-03-10"), (terminated.ActorId, terminated.To, terminated.DataChanges["deathDate"].GetString()));
        Assert.Empty(again.Due);
    }

    [Fact]
    public async Task twelve_months_after_a_certification_the_next_one_is_opened_once()
    {
        var caseId = await OpenCertificationAsync();
        await _work.FireAsync(caseId, "certify", Centre.A, new() { ["channel"] = "counter", ["certifiedOn"] = "2026-03-09" });
        Engine.Clock.Advance(TimeSpan.FromDays(364)); // 8 March 2027
        Assert.DoesNotContain((await _work.FireTimersAsync()).Due, t => t.Kind == TimerKind.YearlyCertification);

        Engine.Clock.Advance(TimeSpan.FromDays(1));
        var run = await _work.FireTimersAsync();
        var again = await _work.FireTimersAsync();

        var next = TimerSchedule.NextCertificationId(caseId);
        Assert.Equal(next, Assert.Single(run.Due, t => t.Kind == TimerKind.YearlyCertification).CaseId);
        Assert.DoesNotContain(again.Due, t => t.Kind == TimerKind.YearlyCertification);
        var opened = Assert.Single((await _work.EventsAsync(next)).OfType<CaseOpened>());
        Assert.Equal((_centre.ResidentId, "system", "2026-03-09"), (opened.SubjectId, opened.ActorId, opened.Data["lastCertifiedOn"].GetString()));
    }

    [Fact]
    public async Task a_retiree_who_dies_between_certifications_has_the_pension_ended_on_the_next_one()
    {
        var caseId = await OpenCertificationAsync();
        await _work.FireAsync(caseId, "certify", Centre.A, new() { ["channel"] = "counter", ["certifiedOn"] = "2026-03-09" });
        Engine.Clock.Advance(TimeSpan.FromDays(40)); // 18 April 2026
        await Engine.Mediator.Send(new RecordResidentDeath(_centre.ResidentId, new DateOnly(2026, 4, 12), "civil-affairs", Engine.As(Centre.A)));

        var opening = await _work.FireTimersAsync();
        var ending = await _work.FireTimersAsync();
        var after = await _work.FireTimersAsync();

        var next = TimerSchedule.NextCertificationId(caseId);
        Assert.Equal(next, Assert.Single(opening.Due, t => t.Kind == TimerKind.YearlyCertification).CaseId);
        Assert.Equal(next, Assert.Single(ending.Due, t => t.Kind == TimerKind.DeathReported).CaseId);
        Assert.Empty(after.Due);
        var terminated = Assert.Single(Transitions(await _work.EventsAsync(next), "report-death"));
        Assert.Equal(("system", "terminated", "2026-04-12"), (terminated.ActorId, terminated.To, terminated.DataChanges["deathDate"].GetString()));
    }

    [Fact]
    public async Task nobody_but_the_scheduler_opens_a_case_for_a_deceased_resident()
    {
        await OpenCertificationAsync();
        await Engine.Mediator.Send(new RecordResidentDeath(_centre.ResidentId, new DateOnly(2026, 3, 8), "civil-affairs", Engine.As(Centre.A)));
        var data = new Dictionary<string, JsonElement> { ["lastCertifiedOn"] = JsonSerializer.SerializeToElement("2025-03-09") };

        var refused = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await Engine.Mediator.Send(new OpenCase("retiree-certification", null, _centre.ResidentId, "counter", data, Engine.As(Centre.A))));

        Assert.Equal("resident.not-active", refused.Code);
    }

    private async Task<string> OpenCertificationAsync()
    {
        await Engine.Mediator.Send(new DefinePost("certification", "认证岗", ["retiree-certification"], 1, Engine.As(Centre.Admin)));
        await Engine.Mediator.Send(new AssignPostHolders("certification", "s-a", "s-b", "initial assignment", Engine.As(Centre.Admin)));
        var data = new Dictionary<string, JsonElement> { ["lastCertifiedOn"] = JsonSerializer.SerializeToElement("2025-03-09") };
        return (await Engine.Mediator.Send(new OpenCase("retiree-certification", null, _centre.ResidentId, "counter", data, Engine.As(Centre.A)))).CaseId;
    }

    private static IEnumerable<CaseTransitioned> NoticeEnded(IEnumerable<object> events) => Transitions(events, "notice-ended");

    private static IEnumerable<CaseTransitioned> Transitions(IEnumerable<object> events, string trigger) =>
        events.OfType<CaseTransitioned>().Where(t => t.Trigger == trigger);
}
