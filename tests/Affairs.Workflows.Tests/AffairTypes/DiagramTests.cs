using Snapshooter;
using Snapshooter.Xunit;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class DiagramTests
{
    public static TheoryData<string, string> Renderings
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var id in BuiltInDefinitionTests.Ids)
            {
                data.Add(id, "mermaid");
                data.Add(id, "dot");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void every_type_renders_as_mermaid_and_as_dot(string id, string format)
    {
        var type = Definitions.Compile(id);
        var diagram = format == "mermaid" ? type.Mermaid : type.Dot;

        Assert.StartsWith(format == "mermaid" ? "stateDiagram-v2" : "digraph", diagram, StringComparison.Ordinal);
        Assert.All(type.Triggers, trigger => Assert.Contains(trigger, diagram, StringComparison.Ordinal));
        Snapshot.Match(diagram.Split('\n'), SnapshotNameExtension.Create($"{format}_{id}"));
    }

    [Fact]
    public void a_diagram_is_rendered_once_and_shared()
    {
        var type = Definitions.Compile("dibao");
        Assert.Same(type.Mermaid, type.Mermaid);
    }
}
