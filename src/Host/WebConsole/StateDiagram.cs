using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Affairs.Workflows.AffairTypes;

namespace Affairs.Host.WebConsole;

/// <summary>
/// A compiled definition drawn as SVG on the server, as a layered diagram: states in columns by the longest path from
/// the initial state, ordered within each column to cross fewer arrows, and every arrow passing through a reserved slot
/// of each column it spans, so no arrow runs through a state. An arrow back to an earlier state leaves and enters its
/// states lower down, beside the forward ones. Each arrow is named by its triggers on a label with a background, placed
/// where it covers no state and no other label. The states and transitions a case went through are drawn in the
/// accent colour; internal transitions are listed in the state's box rather than drawn as loops.
/// </summary>
internal static class StateDiagram
{
    public static string Svg(CompiledAffairType type, Func<string, string> label, IReadOnlySet<string>? visited = null, IReadOnlySet<(string From, string To)>? taken = null)
    {
        var layout = DiagramLayout.Of(type);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"diagram\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\" width=\"{N(layout.Width)}\" height=\"{N(layout.Height)}\" role=\"img\" aria-label=\"{Enc(type.Id)}\">");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b6475\"/></marker>");
        svg.Append("<marker id=\"arrow-taken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#0b5cad\"/></marker></defs>");
        foreach (var edge in layout.Edges)
        {
            var on = taken?.Contains((edge.From, edge.To)) == true;
            var points = string.Join(' ', edge.Points.Select(p => N(p.X) + "," + N(p.Y)));
            svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{(on ? "#0b5cad" : "#9aa3b2")}\" stroke-width=\"{(on ? 3 : 1.2)}\"{(edge.Back ? " stroke-dasharray=\"5 3\"" : string.Empty)} marker-end=\"url(#{(on ? "arrow-taken" : "arrow")})\"/>");
        }

        // Labels after every arrow, so an arrow never runs over a label's text.
        foreach (var edge in layout.Edges)
        {
            var on = taken?.Contains((edge.From, edge.To)) == true;
            var box = edge.Label;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(box.X + (box.Width / 2))}\" y=\"{N(box.Y + box.Height - 4)}\" font-size=\"{DiagramLayout.LabelFontSize}\" text-anchor=\"middle\" fill=\"{(on ? "#0b5cad" : "#5b6475")}\">{Enc(edge.Text)}</text>");
        }

        foreach (var state in layout.Boxes)
        {
            var compiled = type.State(state.State);
            var on = visited?.Contains(state.State) == true;
            var fill = compiled.IsTerminal ? "#eef1f5" : "#ffffff";
            var (x, y, w) = (state.Rect.X, state.Rect.Y, state.Rect.Width);
            svg.Append(CultureInfo.InvariantCulture, $"<g><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(state.Rect.Height)}\" rx=\"{(compiled.IsTerminal ? 22 : 6)}\" fill=\"{fill}\" stroke=\"{(on ? "#0b5cad" : "#5b6475")}\" stroke-width=\"{(on ? 3 : 1)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (w / 2))}\" y=\"{N(y + 19)}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1d2330\">{Enc(label(state.State))}</text>");
            var internals = type.Transitions.Where(t => t.From == state.State && (t.IsInternal || t.To == t.From)).Select(t => t.Trigger).Distinct().ToList();
            var note = internals.Count > 0 ? "↻ " + string.Join(", ", internals) : compiled.Handler ?? string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x + (w / 2))}\" y=\"{N(y + 35)}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#5b6475\"><title>{Enc(note)}</title>{Enc(Fitted(note, w - 8, 9))}</text></g>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>The text cut with an ellipsis where it would run past <paramref name="width"/> at this font size (the whole text stays in the title).</summary>
    private static string Fitted(string text, double width, double fontSize)
    {
        var scale = fontSize / DiagramLayout.LabelFontSize;
        if (DiagramLayout.TextWidth(text) * scale <= width)
        {
            return text;
        }

        var cut = text.Length;
        while (cut > 0 && DiagramLayout.TextWidth(text[..cut] + "…") * scale > width)
        {
            cut--;
        }

        return text[..cut] + "…";
    }

    private static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    private static string Enc(string text) => HtmlEncoder.Default.Encode(text);
}
