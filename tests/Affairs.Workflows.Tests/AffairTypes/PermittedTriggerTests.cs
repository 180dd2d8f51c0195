using Affairs.Domain.AffairTypes;
using Affairs.Workflows.AffairTypes;
using Snapshooter;
using Snapshooter.Xunit;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class PermittedTriggerTests
{
    private static CaseMachine Dibao(string state, CaseRole role)
    {
        var type = Definitions.Compile("dibao");
        return type.CreateMachine(Scenarios.In(type, state), new CaseActor("staff-1", new HashSet<CaseRole> { role }), Scenarios.Parameters(type), Scenarios.DecisionTime);
    }

    [Theory]
    [InlineData(CaseRole.Handler, new[] { "approve", "reject", "end-benefit", "withdraw" })]
    [InlineData(CaseRole.Supervisor, new[] { "approve", "reject", "end-benefit", "extend-time-limit" })]
    [InlineData(CaseRole.Applicant, new[] { "withdraw" })]
    [InlineData(CaseRole.System, new string[0])]
    public void at_confirmation_each_role_may_fire_its_own_triggers(CaseRole role, string[] expected)
    {
        var machine = Dibao("confirmation", role);

        Assert.Equal(expected, machine.PermittedTriggers);
        Assert.Equal(expected, machine.Answers().Where(a => a.Permitted).Select(a => a.Trigger));
        Snapshot.Match(machine.Answers(), SnapshotNameExtension.Create(role.ToString()));
    }

    [Theory]
    [InlineData(CaseRole.Handler, new[] { "raise-objection", "withdraw" })]
    [InlineData(CaseRole.Supervisor, new[] { "extend-time-limit" })]
    [InlineData(CaseRole.Applicant, new[] { "withdraw" })]
    [InlineData(CaseRole.System, new[] { "notice-ended" })]
    public void during_the_public_notice_only_the_system_ends_it(CaseRole role, string[] expected)
    {
        Assert.Equal(expected, Dibao("public-notice", role).PermittedTriggers);
    }

    [Fact]
    public void every_other_trigger_says_why_it_may_not_be_fired()
    {
        var answers = Dibao("public-notice", CaseRole.Applicant).Answers().ToDictionary(a => a.Trigger);

        Assert.Equal(RefusalCodes.WrongState, Assert.Single(answers["accept"].Refusals).Code);
        Assert.Equal(RefusalCodes.RoleNotAllowed, Assert.Single(answers["notice-ended"].Refusals).Code);
        Assert.Equal("'notice-ended' may be fired only as: system.", answers["notice-ended"].Refusals[0].Message);
        Assert.Equal("confirmation", Dibao("public-notice", CaseRole.System).Answer("notice-ended").Destination);
    }

    [Fact]
    public void an_actor_holding_several_roles_gets_the_union_of_their_triggers()
    {
        var type = Definitions.Compile("dibao");
        var both = new CaseActor("head", new HashSet<CaseRole> { CaseRole.Handler, CaseRole.Supervisor });
        var machine = type.CreateMachine(Scenarios.In(type, "confirmation"), both, Scenarios.Parameters(type), Scenarios.DecisionTime);

        Assert.Equal(["approve", "reject", "end-benefit", "extend-time-limit", "withdraw"], machine.PermittedTriggers);
    }
}
