using System.Globalization;
using System.Text;
using Affairs.Host.Security;
using Affairs.Workflows.Statistics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>The yearly report as a page: per affair type and period, the counts, durations and B's share, charted, and as CSV.</summary>
[Authorize(Policy = AccessPolicies.Audit)]
public sealed class StatisticsModel : ConsolePage
{
    /// <summary>The first day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    /// <summary>The last day.</summary>
    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    /// <summary>How the range is cut.</summary>
    [BindProperty(SupportsGet = true)]
    public StatisticsPeriod Period { get; set; } = StatisticsPeriod.Year;

    /// <summary>The report.</summary>
    public StatisticsReport Report { get; private set; } = null!;

    /// <summary>Shows the report.</summary>
    public async Task OnGetAsync(CancellationToken ct) => Report = await ReadAsync(ct);

    /// <summary>The report as CSV (UTF-8 with a byte order mark, so spreadsheets read the Chinese right).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var report = await ReadAsync(ct);
        var csv = new StringBuilder("affairType,periodStart,opened,completed,approved,rejected,withdrawn,terminated,medianWorkingDays,p90WorkingDays,steps,stepsByB,shareByB,overdueSteps,closedLate\r\n");
        foreach (var r in report.Rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{r.AffairTypeId},{r.PeriodStart:yyyy-MM-dd},{r.Opened},{r.Completed},{r.Approved},{r.Rejected},{r.Withdrawn},{r.Terminated},{r.MedianWorkingDays},{r.P90WorkingDays},{r.Steps},{r.StepsByB},{r.ShareByB:0.###},{r.OverdueSteps},{r.ClosedLate}\r\n");
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"statistics-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.csv");
    }

    private Task<StatisticsReport> ReadAsync(CancellationToken ct)
    {
        var today = Calendar.LocalDate(Now);
        From ??= new DateOnly(today.Year, 1, 1);
        To ??= new DateOnly(today.Year, 12, 31);
        return Mediator.Send(new GetStatistics(From.Value, To.Value, Period, null), ct).AsTask();
    }

    /// <summary>A grouped bar chart of opened, approved, rejected and withdrawn per type and period, drawn on the server.</summary>
    public string Chart()
    {
        var rows = Report.Rows;
        var max = Math.Max(1, rows.Select(r => new[] { r.Opened, r.Approved, r.Rejected, r.Withdrawn }.Max()).DefaultIfEmpty(1).Max());
        const int barWidth = 14, groupGap = 30, height = 200, top = 20, left = 40;
        var width = left + Math.Max(1, rows.Count) * (barWidth * 4 + groupGap) + 20;
        var colours = new[] { "#0b5cad", "#1e6b34", "#b3261e", "#8a5a00" };
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height + top + 60}\" width=\"{width}\" height=\"{height + top + 60}\" role=\"img\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">{Texts["Cases opened, approved, rejected and withdrawn"]}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{top + height}\" x2=\"{width - 10}\" y2=\"{top + height}\" stroke=\"#5b6475\"/><text x=\"{left - 6}\" y=\"{top + 4}\" font-size=\"10\" text-anchor=\"end\">{max}</text><text x=\"{left - 6}\" y=\"{top + height}\" font-size=\"10\" text-anchor=\"end\">0</text>");
        foreach (var (row, i) in rows.Select((r, i) => (r, i)))
        {
            var x = left + 10 + i * (barWidth * 4 + groupGap);
            foreach (var (value, j) in new[] { row.Opened, row.Approved, row.Rejected, row.Withdrawn }.Select((v, j) => (v, j)))
            {
                var h = value * height / max;
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + j * barWidth}\" y=\"{top + height - h}\" width=\"{barWidth - 2}\" height=\"{h}\" fill=\"{colours[j]}\"><title>{value}</title></rect>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + barWidth * 2}\" y=\"{top + height + 16}\" font-size=\"11\" text-anchor=\"middle\">{System.Net.WebUtility.HtmlEncode(TypeName(row.AffairTypeId))}</text><text x=\"{x + barWidth * 2}\" y=\"{top + height + 30}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#5b6475\">{row.PeriodStart:yyyy-MM-dd}</text>");
        }

        var legend = new[] { Texts["Opened"].Value, Texts["Approved"].Value, Texts["Rejected"].Value, Texts["Withdrawn"].Value };
        foreach (var (name, j) in legend.Select((n, j) => (n, j)))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + j * 90}\" y=\"{top + height + 42}\" width=\"10\" height=\"10\" fill=\"{colours[j]}\"/><text x=\"{left + j * 90 + 14}\" y=\"{top + height + 51}\" font-size=\"11\">{System.Net.WebUtility.HtmlEncode(name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }
}
