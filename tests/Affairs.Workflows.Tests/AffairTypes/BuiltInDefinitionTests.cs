using Affairs.Domain.AffairTypes;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class BuiltInDefinitionTests
{
    public static IReadOnlyList<string> Ids { get; } = [.. Definitions.BuiltInIds.Append(Definitions.Sample)];

    public static TheoryData<string> AllTypes => [.. Ids];

    [Fact]
    public void the_four_built_in_types_ship_as_definition_files()
    {
        Assert.Equal(["dibao", "home-elderly-care", "medical-insurance", "retiree-certification"], Definitions.BuiltInIds);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void every_shipped_definition_loads_without_problems(string id)
    {
        var type = Definitions.Compile(id);
        Assert.Equal(id, type.Id);
        Assert.All(type.States.Where(s => !s.IsTerminal), s => Assert.NotNull(s.TimeLimit));
    }

    [Fact]
    public void dibao_runs_thirty_working_days_from_acceptance_extendable_once_by_fifteen_with_a_reason()
    {
        var type = Definitions.Compile("dibao");
        var clock = Assert.Single(type.Clocks);
        Assert.Equal(("investigation", 30, PeriodUnit.WorkingDays), (clock.StartsOn, clock.Limit!.Amount, clock.Limit.Unit!.Value));
        Assert.Equal((15, 1), (clock.Extension!.By!.Amount, clock.Extension.Times));
        Assert.All(type.Transitions.Where(t => t.Trigger == clock.Extension.Trigger), t => Assert.True(t.RequiresReason && t.IsInternal));
        Assert.Same(clock, Assert.Single(type.ClocksStartedBy("investigation")));
        Assert.Empty(type.ClocksStoppedBy("public-notice"));
        Assert.All(type.States.Where(s => s.IsTerminal), s => Assert.Same(clock, Assert.Single(type.ClocksStoppedBy(s.Name))));
        Assert.Same(clock, type.Transitions.First(t => t.Trigger == "extend-time-limit").Extends);
    }

    [Fact]
    public void the_public_notice_ends_by_timer_after_seven_calendar_days()
    {
        var notice = Definitions.Compile("dibao").State("public-notice");
        var timer = Assert.Single(notice.Timers);
        Assert.Equal(("notice-ended", 7, PeriodUnit.CalendarDays), (timer.Fire, timer.After!.Amount, timer.After.Unit!.Value));
    }

    [Fact]
    public void a_retiree_not_certified_by_the_deadline_is_suspended_by_timer()
    {
        var type = Definitions.Compile("retiree-certification");
        var due = type.State("due");
        Assert.Equal("suspend", Assert.Single(due.Timers).Fire);
        var machine = type.CreateMachine(CaseSituation.In("due"), CaseActor.System, new Dictionary<string, FieldValue>(), Scenarios.DecisionTime);
        Assert.Equal("suspended", machine.Destination("suspend"));
        Assert.Equal("home-visit", Assert.Single(type.States, s => s.Handler == KnownPosts.Grid).Name);
    }

    [Fact]
    public void every_transition_into_a_rejected_outcome_requires_a_reason_in_every_shipped_type()
    {
        foreach (var type in Ids.Select(Definitions.Compile))
        {
            Assert.All(
                type.Transitions.Where(t => type.State(t.To).Outcome == Outcome.Rejected),
                t => Assert.True(t.RequiresReason, $"{type.Id}: {t.Trigger}"));
        }
    }

    [Fact]
    public void handlers_are_the_centres_posts_the_grid_worker_or_the_supervisor()
    {
        var handlers = Ids.SelectMany(id => Definitions.Compile(id).States).Select(s => s.Handler).OfType<string>().ToHashSet();
        Assert.Equal(["certification", "dibao", "eldercare", "grid", "insurance", "supervisor"], handlers.Order(StringComparer.Ordinal));
    }
}
