using Affairs.Workflows.AffairTypes;

namespace Affairs.Host.WebConsole;

/// <summary>A rectangle of the diagram, in SVG user units.</summary>
internal readonly record struct DiagramRect(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    /// <summary>Whether the two share any area (touching edges do not count).</summary>
    public bool Overlaps(DiagramRect other) => X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public DiagramRect Moved(double dx, double dy) => this with { X = X + dx, Y = Y + dy };
}

/// <summary>A point of the diagram, in SVG user units.</summary>
internal readonly record struct DiagramPoint(double X, double Y);

/// <summary>A state's box.</summary>
internal sealed record DiagramBox(string State, DiagramRect Rect);

/// <summary>The arrow of every transition from one state to another, with its label (the triggers) and where it runs.</summary>
internal sealed record DiagramEdge(string From, string To, string Text, IReadOnlyList<DiagramPoint> Points, DiagramRect Label, bool Back);

/// <summary>
/// Where <see cref="StateDiagram"/> draws everything, as geometry (so it can be checked without pixels): a layered
/// (Sugiyama-style) layout. States are put in columns by the longest path from the initial state, over the transitions
/// that do not lead back (those found closing a cycle in a depth-first walk from the initial state); an arrow spanning
/// several columns gets a slot in each column between, so it runs beside the states there, never through one; the
/// states and slots of each column are ordered by the mean position of their neighbours, sweeping both ways, keeping
/// the order with the fewest crossings. Labels go at the middle of an arrow's first segment if that is free, else at
/// the first free place along it, else below, until they cover no state and no other label.
/// </summary>
internal sealed record DiagramLayout(double Width, double Height, IReadOnlyList<DiagramBox> Boxes, IReadOnlyList<DiagramEdge> Edges)
{
    public const double BoxWidth = 170, BoxHeight = 44, LabelFontSize = 10;
    private const double RowGap = 26, SlotHeight = 16, Margin = 20, MinColumnGap = 80, MaxColumnGap = 220, LabelHeight = 14, LabelPadding = 8;
    private const int Sweeps = 12;

    /// <summary>The layout of <paramref name="type"/>'s states and its transitions between different states.</summary>
    public static DiagramLayout Of(CompiledAffairType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var states = type.States.Select(s => s.Name).ToList();
        var groups = type.Transitions.Where(t => !t.IsInternal && t.From != t.To)
            .GroupBy(t => (t.From, t.To))
            .Select(g => (g.Key.From, g.Key.To, Text: string.Join(" / ", g.Select(t => t.Trigger).Distinct())))
            .ToList();
        var back = BackEdges(type.InitialState.Name, states, groups.Select(g => (g.From, g.To)).ToList());
        var layer = Layers(states, groups.Where(g => !back.Contains((g.From, g.To))).Select(g => (g.From, g.To)).ToList());

        // Nodes: the states, then one slot per column an arrow passes through. Each arrow is a chain of nodes in
        // column order (for an arrow back, from its target to its source).
        var nodes = states.Select(s => new Node(s, layer[s], IsState: true)).ToList();
        var byState = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var chains = new List<List<Node>>();
        foreach (var (from, to, _) in groups)
        {
            var isBack = back.Contains((from, to));
            var (low, high) = isBack ? (byState[to], byState[from]) : (byState[from], byState[to]);
            var chain = new List<Node> { low };
            for (var l = low.Layer + 1; l < high.Layer; l++)
            {
                var slot = new Node($"{from}>{to}@{l}", l, IsState: false);
                nodes.Add(slot);
                chain.Add(slot);
            }

            chain.Add(high);
            chains.Add(chain);
        }

        var columns = Order(nodes, chains);

        // Each gap is as wide as the widest label of the arrows that start in it (forward: after their source's column;
        // back: before it), so a label fits between the columns where it can.
        var gaps = new double[Math.Max(columns.Count - 1, 0)];
        foreach (var (from, to, text) in groups)
        {
            var at = back.Contains((from, to)) ? layer[from] - 1 : layer[from];
            gaps[at] = Math.Max(gaps[at], TextWidth(text) + 30);
        }

        var place = Place(columns, [.. gaps.Select(g => Math.Clamp(g, MinColumnGap, MaxColumnGap))]);

        var boxes = states.Select(s => new DiagramBox(s, place[byState[s]])).ToList();
        var obstacles = boxes.Select(b => b.Rect).ToList();
        var edges = new List<DiagramEdge>();
        foreach (var ((from, to, text), chain) in groups.Zip(chains))
        {
            var isBack = back.Contains((from, to));
            var points = Route(chain, place, isBack);
            var label = PlaceLabel(points, TextWidth(text), obstacles);
            obstacles.Add(label);
            edges.Add(new DiagramEdge(from, to, text, points, label, isBack));
        }

        return Framed(boxes, edges);
    }

    /// <summary>A label's width for its text: wide characters (CJK) count about a full em, others about six tenths.</summary>
    public static double TextWidth(string text) => text.Sum(c => c >= '\u2E80' ? LabelFontSize : LabelFontSize * 0.62) + LabelPadding;

    private sealed record Node(string Id, int Layer, bool IsState);

    /// <summary>The transitions that close a cycle in a depth-first walk from the initial state (then from any state not reached).</summary>
    private static HashSet<(string, string)> BackEdges(string initial, List<string> states, List<(string From, string To)> edges)
    {
        var back = new HashSet<(string, string)>();
        var onPath = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Walk(string state)
        {
            seen.Add(state);
            onPath.Add(state);
            foreach (var (_, to) in edges.Where(e => e.From == state))
            {
                if (onPath.Contains(to))
                {
                    back.Add((state, to));
                }
                else if (!seen.Contains(to))
                {
                    Walk(to);
                }
            }

            onPath.Remove(state);
        }

        foreach (var state in states.Where(s => s == initial).Concat(states))
        {
            if (!seen.Contains(state))
            {
                Walk(state);
            }
        }

        return back;
    }

    /// <summary>Each state's column: the longest path to it over the forward transitions.</summary>
    private static Dictionary<string, int> Layers(List<string> states, List<(string From, string To)> forward)
    {
        var layer = states.ToDictionary(s => s, _ => 0, StringComparer.Ordinal);
        var incoming = states.ToDictionary(s => s, s => forward.Count(e => e.To == s), StringComparer.Ordinal);
        var ready = new Queue<string>(states.Where(s => incoming[s] == 0));
        while (ready.TryDequeue(out var state))
        {
            foreach (var (_, to) in forward.Where(e => e.From == state))
            {
                layer[to] = Math.Max(layer[to], layer[state] + 1);
                if (--incoming[to] == 0)
                {
                    ready.Enqueue(to);
                }
            }
        }

        return layer;
    }

    /// <summary>The nodes of each column, top to bottom, ordered by their neighbours' mean position (both ways), fewest crossings kept.</summary>
    private static List<List<Node>> Order(List<Node> nodes, List<List<Node>> chains)
    {
        var columns = nodes.GroupBy(n => n.Layer).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var left = nodes.ToDictionary(n => n, _ => new List<Node>());
        var right = nodes.ToDictionary(n => n, _ => new List<Node>());
        foreach (var chain in chains)
        {
            foreach (var (a, b) in chain.Zip(chain.Skip(1)))
            {
                right[a].Add(b);
                left[b].Add(a);
            }
        }

        var best = columns.Select(c => c.ToList()).ToList();
        var fewest = Crossings(best, right);
        for (var sweep = 0; sweep < Sweeps && fewest > 0; sweep++)
        {
            var down = sweep % 2 == 0;
            var range = down ? Enumerable.Range(1, columns.Count - 1) : Enumerable.Range(0, columns.Count - 1).Reverse();
            foreach (var c in range)
            {
                var fixedColumn = columns[down ? c - 1 : c + 1];
                var index = fixedColumn.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => (double)x.i);
                var neighbours = down ? left : right;
                columns[c] = [.. columns[c].Select((n, i) => (n, i, Mean: neighbours[n].Where(index.ContainsKey).Select(m => index[m]).DefaultIfEmpty(double.NaN).Average()))
                    .OrderBy(x => double.IsNaN(x.Mean) ? x.i : x.Mean).ThenBy(x => x.i).Select(x => x.n)];
            }

            var crossings = Crossings(columns, right);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = columns.Select(c => c.ToList()).ToList();
            }
        }

        return best;
    }

    /// <summary>How many pairs of segments between neighbouring columns cross.</summary>
    private static int Crossings(List<List<Node>> columns, Dictionary<Node, List<Node>> right)
    {
        var count = 0;
        for (var c = 0; c + 1 < columns.Count; c++)
        {
            var at = columns[c + 1].Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i);
            var segments = columns[c].SelectMany((n, i) => right[n].Where(at.ContainsKey).Select(m => (A: i, B: at[m]))).ToList();
            for (var i = 0; i < segments.Count; i++)
            {
                for (var j = i + 1; j < segments.Count; j++)
                {
                    if ((segments[i].A - segments[j].A) * (segments[i].B - segments[j].B) < 0)
                    {
                        count++;
                    }
                }
            }
        }

        return count;
    }

    /// <summary>Every node's rectangle: columns left to right with the given gaps between, each centred on the tallest; a slot is a thin band.</summary>
    private static Dictionary<Node, DiagramRect> Place(List<List<Node>> columns, double[] gaps)
    {
        static double Tall(Node n) => n.IsState ? BoxHeight : SlotHeight;
        var heights = columns.Select(c => c.Sum(n => Tall(n) + RowGap) - RowGap).ToList();
        var tallest = heights.DefaultIfEmpty(0).Max();
        var place = new Dictionary<Node, DiagramRect>();
        double x = 0;
        for (var c = 0; c < columns.Count; c++)
        {
            var y = (tallest - heights[c]) / 2;
            foreach (var node in columns[c])
            {
                place[node] = new DiagramRect(x, y, BoxWidth, Tall(node));
                y += Tall(node) + RowGap;
            }

            x += BoxWidth + (c < gaps.Length ? gaps[c] : 0);
        }

        return place;
    }

    /// <summary>
    /// The points an arrow runs through: forward, from the right of its source to the left of its target, across each
    /// slot; back, from the lower left of its source leftwards to the lower right of its target.
    /// </summary>
    private static List<DiagramPoint> Route(List<Node> chain, Dictionary<Node, DiagramRect> place, bool back)
    {
        var points = new List<DiagramPoint>();
        double Port(DiagramRect r) => back ? r.Y + (r.Height * 0.8) : r.Y + (r.Height / 2);
        for (var i = 0; i < chain.Count; i++)
        {
            var r = place[chain[i]];
            if (i > 0)
            {
                points.Add(new DiagramPoint(r.X, Port(r)));
            }

            if (i < chain.Count - 1)
            {
                points.Add(new DiagramPoint(r.Right, Port(r)));
            }
        }

        if (back)
        {
            points.Reverse();
        }

        return points;
    }

    /// <summary>The first place for a label, along the arrow from its start, that covers no obstacle; else below the first segment's middle.</summary>
    private static DiagramRect PlaceLabel(List<DiagramPoint> points, double width, List<DiagramRect> obstacles)
    {
        DiagramRect At(double x, double y) => new(x - (width / 2), y - (LabelHeight / 2), width, LabelHeight);
        bool Free(DiagramRect r) => !obstacles.Any(o => o.Overlaps(r));
        var segments = points.Zip(points.Skip(1)).Where(s => s.First.X != s.Second.X || s.First.Y != s.Second.Y).ToList();
        foreach (var (a, b) in segments)
        {
            foreach (var t in (double[])[0.5, 0.35, 0.65, 0.2, 0.8])
            {
                var candidate = At(a.X + ((b.X - a.X) * t), a.Y + ((b.Y - a.Y) * t));
                if (Free(candidate))
                {
                    return candidate;
                }
            }
        }

        var (from, to) = segments.Count > 0 ? segments[0] : (points[0], points[^1]);
        var middle = At((from.X + to.X) / 2, (from.Y + to.Y) / 2);
        for (var step = 1; ; step++)
        {
            foreach (var shift in (double[])[step * (LabelHeight + 2), -step * (LabelHeight + 2)])
            {
                var candidate = middle.Moved(0, shift);
                if (Free(candidate))
                {
                    return candidate;
                }
            }
        }
    }

    /// <summary>Everything moved so the whole drawing starts at the margin, and the size that holds it.</summary>
    private static DiagramLayout Framed(List<DiagramBox> boxes, List<DiagramEdge> edges)
    {
        var rects = boxes.Select(b => b.Rect).Concat(edges.Select(e => e.Label)).ToList();
        var points = edges.SelectMany(e => e.Points).ToList();
        var minX = Math.Min(rects.Min(r => r.X), points.Select(p => p.X).DefaultIfEmpty(0).Min());
        var minY = Math.Min(rects.Min(r => r.Y), points.Select(p => p.Y).DefaultIfEmpty(0).Min());
        var maxX = Math.Max(rects.Max(r => r.Right), points.Select(p => p.X).DefaultIfEmpty(0).Max());
        var maxY = Math.Max(rects.Max(r => r.Bottom), points.Select(p => p.Y).DefaultIfEmpty(0).Max());
        var (dx, dy) = (Margin - minX, Margin - minY);
        return new DiagramLayout(
            maxX - minX + (2 * Margin),
            maxY - minY + (2 * Margin),
            [.. boxes.Select(b => b with { Rect = b.Rect.Moved(dx, dy) })],
            [.. edges.Select(e => e with { Points = [.. e.Points.Select(p => new DiagramPoint(p.X + dx, p.Y + dy))], Label = e.Label.Moved(dx, dy) })]);
    }
}
