using Affairs.Domain.AffairTypes;
using Affairs.Host.WebConsole;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Host.Tests.Console;

/// <summary>The console's state diagram, checked as geometry: nothing drawn on top of anything it would hide.</summary>
public sealed class StateDiagramLayoutTests
{
    /// <summary>Every type the centre ships, and the administrator's sample.</summary>
    public static TheoryData<string> Shipped
    {
        get
        {
            var ids = new TheoryData<string>();
            foreach (var id in Documents().Keys)
            {
                ids.Add(id);
            }

            return ids;
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void no_two_states_and_no_two_labels_overlap_and_no_label_covers_a_state(string id)
    {
        var type = Compile(id);

        var layout = DiagramLayout.Of(type);

        Assert.Equal(type.States.Count(), layout.Boxes.Count);
        AssertApart(layout.Boxes.Select(b => (b.State, b.Rect)).ToList(), "state boxes");
        AssertApart(layout.Edges.Select(e => ($"{e.From}->{e.To}", e.Label)).ToList(), "labels");
        foreach (var edge in layout.Edges)
        {
            var covered = layout.Boxes.FirstOrDefault(b => b.Rect.Overlaps(edge.Label));
            Assert.True(covered is null, $"{id}: the label of {edge.From}->{edge.To} covers the state {covered?.State}.");
        }

        Assert.All(layout.Boxes.Select(b => b.Rect).Concat(layout.Edges.Select(e => e.Label)), r =>
            Assert.True(r.X >= 0 && r.Y >= 0 && r.Right <= layout.Width && r.Bottom <= layout.Height, $"{id}: {r} is outside the drawing."));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void no_arrow_runs_through_a_state_it_does_not_join(string id)
    {
        var layout = DiagramLayout.Of(Compile(id));

        foreach (var edge in layout.Edges)
        {
            foreach (var (a, b) in edge.Points.Zip(edge.Points.Skip(1)))
            {
                var crossed = layout.Boxes.FirstOrDefault(box => box.State != edge.From && box.State != edge.To && Crosses(box.Rect, a, b));
                Assert.True(crossed is null, $"{id}: the arrow {edge.From}->{edge.To} runs through {crossed?.State}.");
            }
        }
    }

    [Fact]
    public void dibao_reads_left_to_right_from_application_to_the_outcomes_with_the_ways_back_marked()
    {
        var layout = DiagramLayout.Of(Compile("dibao"));
        double Column(string state) => layout.Boxes.Single(b => b.State == state).Rect.X;

        Assert.True(Column("application") < Column("investigation"));
        Assert.True(Column("investigation") < Column("first-review"));
        Assert.True(Column("first-review") < Column("public-notice"));
        Assert.True(Column("public-notice") < Column("confirmation"));
        Assert.True(Column("confirmation") < Column("approved"));
        Assert.Equal(
            ["awaiting-supplement->application", "first-review->investigation", "public-notice->investigation"],
            layout.Edges.Where(e => e.Back).Select(e => $"{e.From}->{e.To}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void the_svg_names_every_trigger_and_state()
    {
        var type = Compile("dibao");

        var svg = StateDiagram.Svg(type, s => "label:" + s);

        Assert.All(type.Transitions.Select(t => t.Trigger), trigger => Assert.Contains(trigger, svg, StringComparison.Ordinal));
        Assert.All(type.States, state => Assert.Contains("label:" + state.Name, svg, StringComparison.Ordinal));
    }

    private static void AssertApart(List<(string Name, DiagramRect Rect)> rects, string what)
    {
        for (var i = 0; i < rects.Count; i++)
        {
            for (var j = i + 1; j < rects.Count; j++)
            {
                Assert.False(rects[i].Rect.Overlaps(rects[j].Rect), $"The {what} {rects[i].Name} {rects[i].Rect} and {rects[j].Name} {rects[j].Rect} overlap.");
            }
        }
    }

    /// <summary>Whether the segment a-b passes through the inside of <paramref name="r"/> (sampled finely; the arrows are straight).</summary>
    private static bool Crosses(DiagramRect r, DiagramPoint a, DiagramPoint b)
    {
        for (var t = 0.0; t <= 1.0; t += 0.005)
        {
            var (x, y) = (a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
            if (x > r.X + 1 && x < r.Right - 1 && y > r.Y + 1 && y < r.Bottom - 1)
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyDictionary<string, string> Documents()
    {
        var documents = new SortedDictionary<string, string>(BuiltInAffairTypes.Documents().ToDictionary(), StringComparer.Ordinal);
        foreach (var sample in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples"), "*.json"))
        {
            documents[Path.GetFileNameWithoutExtension(sample)] = File.ReadAllText(sample);
        }

        return documents;
    }

    private static CompiledAffairType Compile(string id)
    {
        var loaded = AffairTypeLoader.Load(Documents()[id]);
        Assert.True(loaded.IsValid, $"{id}: {string.Join("; ", loaded.Problems)}");
        return CompiledAffairType.Compile(loaded.Definition!, KnownPosts.Standing);
    }
}
