using Affairs.Workflows.AffairTypes;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class WalkerTests
{
    public static TheoryData<string> AllTypes => BuiltInDefinitionTests.AllTypes;

    /// <summary>
    /// Walks the machine itself, breadth first: from each state, every trigger Stateless permits to an actor holding
    /// every role, on the scenario's data and policy values, leads to its destination.
    /// </summary>
    private static IReadOnlyList<string> Walk(CompiledAffairType type)
    {
        var parameters = Scenarios.Parameters(type);
        var reached = new List<string> { type.InitialState.Name };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var state))
        {
            var machine = type.CreateMachine(Scenarios.In(type, state), Scenarios.Everyone, parameters, Scenarios.DecisionTime);
            foreach (var trigger in machine.PermittedTriggers)
            {
                var destination = machine.Destination(trigger)!;
                if (!reached.Contains(destination))
                {
                    reached.Add(destination);
                    queue.Enqueue(destination);
                }
            }
        }

        return reached;
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void every_terminal_state_can_be_reached(string id)
    {
        var type = Definitions.Compile(id);
        var terminals = type.States.Where(s => s.IsTerminal).Select(s => s.Name).ToList();

        var reached = Walk(type);

        Assert.NotEmpty(terminals);
        Assert.Equal(terminals.Order(StringComparer.Ordinal), reached.Intersect(terminals).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void dibao_walks_through_every_step_of_the_statutory_procedure()
    {
        var reached = Walk(Definitions.Compile("dibao"));

        Assert.Equal(
            ["application", "investigation", "awaiting-supplement", "not-accepted", "withdrawn", "first-review", "rejected", "public-notice", "benefit-ended", "confirmation", "approved"],
            reached);
    }
}
