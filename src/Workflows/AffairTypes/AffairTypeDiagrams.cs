using Stateless;
using Stateless.Graph;

namespace Affairs.Workflows.AffairTypes;

/// <summary>Renders a compiled type's diagram through Stateless's reflection info, from its initial state.</summary>
internal static class AffairTypeDiagrams
{
    public static string Mermaid(CompiledAffairType type) => MermaidGraph.Format(Info(type));

    public static string Dot(CompiledAffairType type) => UmlDotGraph.Format(Info(type));

    private static Stateless.Reflection.StateMachineInfo Info(CompiledAffairType type)
    {
        var state = type.InitialState.Name;
        var machine = new StateMachine<string, string>(() => state, s => state = s);
        CaseMachine.Configure(machine, type, _ => true);
        return machine.GetInfo();
    }
}
