using System.CommandLine;
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
    public static Command Create(CliContext cli)
    {
        var from = new Option<DateOnly?>("--from") { HelpName = "yyyy-MM-dd", Description = "First day (yyyy-MM-dd); 1 January of this year by default.", CustomParser = CliValues.Date };
        var to = new Option<DateOnly?>("--to") { HelpName = "yyyy-MM-dd", Description = "Last day (yyyy-MM-dd); 31 December of this year by default.", CustomParser = CliValues.Date };
        var period = new Option<StatisticsPeriod?>("--period")
        {
            Description = "Rows by year, quarter or month (year by default).",
            CustomParser = CliValues.OneOf<StatisticsPeriod>,
            HelpName = string.Join('|', CliValues.Names<StatisticsPeriod>()),
        };
        var type = new Option<string?>("--type") { HelpName = "id", Description = "Only this affair type." };
        var command = new Command("stats", "Print the statistics report.") { from, to, period, type };
        command.SetAction(parsed =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var query = new GetStatistics(
                parsed.GetValue(from) ?? new DateOnly(today.Year, 1, 1),
                parsed.GetValue(to) ?? new DateOnly(today.Year, 12, 31),
                parsed.GetValue(period) ?? StatisticsPeriod.Year,
                parsed.GetValue(type));
            return cli.WithServicesAsync(async services =>
            {
                Print(cli.Output, await services.GetRequiredService<IMediator>().Send(query));
                return CliExitCodes.Success;
            });
        });
        return command;
    }

    private static void Print(TextWriter output, StatisticsReport report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Statistics {report.From:yyyy-MM-dd} to {report.To:yyyy-MM-dd}, by {report.Period.ToString().ToLowerInvariant()}"));
        output.WriteLine("affair type               period      opened  completed  approved  rejected  withdrawn  terminated  median wd  p90 wd  by B   overdue steps  closed late");
        foreach (var r in report.Rows)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{r.AffairTypeId,-25} {r.PeriodStart:yyyy-MM-dd}  {r.Opened,6}  {r.Completed,9}  {r.Approved,8}  {r.Rejected,8}  {r.Withdrawn,9}  {r.Terminated,10}  {r.MedianWorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "-",9}  {r.P90WorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "-",6}  {r.ShareByB,4:P0}  {r.OverdueSteps,13}  {r.ClosedLate,11}"));
        }
    }
}
