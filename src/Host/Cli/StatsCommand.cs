using System.Globalization;
using Affairs.Workflows.Statistics;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary>
/// <c>stats [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--period year|quarter|month] [--type id]</c>: the statistics report
/// as a table (the current calendar year by default).
/// </summary>
internal static class StatsCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments command, TextWriter output)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var from = Date(command.Option("from")) ?? new DateOnly(today.Year, 1, 1);
        var to = Date(command.Option("to")) ?? new DateOnly(today.Year, 12, 31);
        var period = Enum.TryParse<StatisticsPeriod>(command.Option("period") ?? "year", ignoreCase: true, out var p) ? p : StatisticsPeriod.Year;
        var report = await services.GetRequiredService<IMediator>().Send(new GetStatistics(from, to, period, command.Option("type")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Statistics {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}, by {report.Period.ToString().ToLowerInvariant()}"));
        output.WriteLine("affair type               period      opened  completed  approved  rejected  withdrawn  terminated  median wd  p90 wd  by B   overdue steps  closed late");
        foreach (var r in report.Rows)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.AffairTypeId,-25} {r.PeriodStart:yyyy-MM-dd}  {r.Opened,6}  {r.Completed,9}  {r.Approved,8}  {r.Rejected,8}  {r.Withdrawn,9}  {r.Terminated,10}  {r.MedianWorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "-",9}  {r.P90WorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "-",6}  {r.ShareByB,4:P0}  {r.OverdueSteps,13}  {r.ClosedLate,11}"));
        }

        return 0;
    }

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
