using Snapshooter;
using Snapshooter.Xunit;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class DiagramTests
{
    public static TheoryData<string> AllTypes => BuiltInDefinitionTests.AllTypes;

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void every_type_renders_as_mermaid(string id)
    {
        var mermaid = Definitions.Compile(id).Mermaid;

        Assert.StartsWith("stateDiagram-v2", mermaid, StringComparison.Ordinal);
        Snapshot.Match(mermaid.Split('\n'), SnapshotNameExtension.Create(id));
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void every_type_renders_as_dot(string id)
    {
        var dot = Definitions.Compile(id).Dot;

        Assert.StartsWith("digraph", dot, StringComparison.Ordinal);
        Snapshot.Match(dot.Split('\n'), SnapshotNameExtension.Create(id));
    }

    [Fact]
    public void a_diagram_is_rendered_once_and_shared()
    {
        var type = Definitions.Compile("dibao");
        Assert.Same(type.Mermaid, type.Mermaid);
    }
}
