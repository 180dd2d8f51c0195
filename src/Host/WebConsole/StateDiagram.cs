using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Host.WebConsole;

/// <summary>
/// A compiled definition drawn as SVG on the server: states in columns by their distance from the initial state, each
/// transition an arrow named by its trigger; the states and transitions a case went through are drawn in the accent
/// colour. Internal transitions are listed in the state's box rather than drawn as loops.
/// </summary>
internal static class StateDiagram
{
    private const int BoxWidth = 170, BoxHeight = 44, ColumnGap = 90, RowGap = 36, Margin = 20;

    public static string Svg(CompiledAffairType type, Func<string, string> label, IReadOnlySet<string>? visited = null, IReadOnlySet<(string From, string To)>? taken = null)
    {
        var columns = Columns(type);
        var place = new Dictionary<string, (int X, int Y)>(StringComparer.Ordinal);
        foreach (var (column, states) in columns.Select((s, i) => (i, s)))
        {
            foreach (var (row, state) in states.Select((s, i) => (i, s)))
            {
                place[state] = (Margin + column * (BoxWidth + ColumnGap), Margin + row * (BoxHeight + RowGap));
            }
        }

        var width = Margin * 2 + columns.Count * (BoxWidth + ColumnGap) - ColumnGap;
        var height = Margin * 2 + columns.Max(c => c.Count) * (BoxHeight + RowGap) - RowGap;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Enc(type.Id)}\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b6475\"/></marker>");
        svg.Append("<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#0b5cad\"/></marker></defs>");
        foreach (var edge in type.Transitions.Where(t => !t.IsInternal).GroupBy(t => (t.From, t.To)))
        {
            var (from, to) = (place[edge.Key.From], place[edge.Key.To]);
            var on = taken?.Contains(edge.Key) == true;
            var (x1, y1) = (from.X + BoxWidth, from.Y + BoxHeight / 2);
            var (x2, y2) = (to.X, to.Y + BoxHeight / 2);
            if (to.X <= from.X)
            {
                (x1, x2) = (from.X + BoxWidth / 2, to.X + BoxWidth / 2);
                (y1, y2) = (from.Y + (to.Y < from.Y ? 0 : BoxHeight), to.Y + (to.Y < from.Y ? BoxHeight : 0));
            }

            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{(on ? "#0b5cad" : "#9aa3b2")}\" stroke-width=\"{(on ? 3 : 1.2)}\" marker-end=\"url(#{(on ? "arrow-taken" : "arrow")})\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(x1 + x2) / 2}\" y=\"{(y1 + y2) / 2 - 4}\" font-size=\"10\" text-anchor=\"middle\" fill=\"{(on ? "#0b5cad" : "#5b6475")}\">{Enc(string.Join(" / ", edge.Select(t => t.Trigger).Distinct()))}</text>");
        }

        foreach (var state in type.States)
        {
            var (x, y) = place[state.Name];
            var on = visited?.Contains(state.Name) == true;
            var fill = state.IsTerminal ? "#eef1f5" : "#ffffff";
            svg.Append(CultureInfo.InvariantCulture, $"<g><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"{(state.IsTerminal ? 22 : 6)}\" fill=\"{fill}\" stroke=\"{(on ? "#0b5cad" : "#5b6475")}\" stroke-width=\"{(on ? 3 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BoxWidth / 2}\" y=\"{y + 19}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1d2330\">{Enc(label(state.Name))}</text>");
            var internals = type.Transitions.Where(t => t.IsInternal && t.From == state.Name).Select(t => t.Trigger).Distinct().ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + BoxWidth / 2}\" y=\"{y + 35}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#5b6475\">{Enc(internals.Count > 0 ? "↻ " + string.Join(", ", internals) : state.Handler ?? string.Empty)}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>States by their distance from the initial state; states not reached that way go last.</summary>
    private static List<List<string>> Columns(CompiledAffairType type)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal) { [type.InitialState.Name] = 0 };
        var queue = new Queue<string>([type.InitialState.Name]);
        while (queue.TryDequeue(out var state))
        {
            foreach (var next in type.Transitions.Where(t => t.From == state && !t.IsInternal).Select(t => t.To))
            {
                if (depth.TryAdd(next, depth[state] + 1))
                {
                    queue.Enqueue(next);
                }
            }
        }

        var last = depth.Values.DefaultIfEmpty(0).Max() + 1;
        return [.. type.States.GroupBy(s => depth.GetValueOrDefault(s.Name, last)).OrderBy(g => g.Key).Select(g => g.Select(s => s.Name).ToList())];
    }

    private static string Enc(string text) => HtmlEncoder.Default.Encode(text);
}
