using System.CommandLine;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Residents;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary>
/// <c>import residents &lt;csv&gt;</c>: registers each record as one resident through the ordinary command, so each
/// resident is recorded whole or not at all; every problem is reported with its line, and the import goes on.
/// Problems name the line and field, never the personal data in it. Exit code 1 when any line was refused; 2, with
/// nothing imported, when the file is not well-formed CSV or lacks a required column.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("csv") { Description = "identityNumber,name[,phone,address,gridId]: a header naming the columns (any order), one resident a line." };
        file.AcceptExistingOnly();
        var residents = new Command("residents", "Register residents from a CSV file, reporting each refused line by number (exit code 1 when any was refused).") { file };
        residents.SetAction(parsed => ResidentsAsync(cli, parsed.GetRequiredValue(file)));
        return new Command("import", "Import records from a file.") { residents };
    }

    private static async Task<int> ResidentsAsync(CliContext cli, FileInfo file)
    {
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = ResidentCsv.Parse(await File.ReadAllTextAsync(file.FullName));
        }
        catch (CsvFormatException e)
        {
            return cli.Fail($"{file}: {e.Message}; nothing was imported.");
        }

        var header = records.Count > 0 ? records[0].Fields.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase) : [];
        if (ResidentCsv.Required.FirstOrDefault(c => !header.ContainsKey(c)) is { } missing)
        {
            return cli.Fail($"The header must name the column '{missing}' (identityNumber,name,phone,address,gridId).");
        }

        return await cli.WithServicesAsync(async services =>
        {
            var rows = records.Skip(1).Where(r => !r.IsBlank).ToList();
            var refusals = await cli.WithProgressAsync("importing", rows.Count, progress => RegisterAsync(services.GetRequiredService<IMediator>(), header, rows, progress));
            foreach (var refusal in refusals)
            {
                cli.Output.WriteLine(refusal);
            }

            var refused = refusals.Select(r => r.Line).Distinct().Count();
            cli.Output.WriteLine($"{rows.Count - refused} imported, {refused} refused.");
            return refusals.Count == 0 ? CliExitCodes.Success : CliExitCodes.Failed;
        });
    }

    /// <summary>Registers each row; the refusals, by line and field, are printed once the progress bar is done.</summary>
    private static async Task<List<Refusal>> RegisterAsync(IMediator mediator, Dictionary<string, int> header, List<CsvRecord> rows, IProgress<long> progress)
    {
        var actor = Actor.Of("import", ActorRoles.Administrator, ActorRoles.Caseworker);
        var correlation = $"import-{Guid.NewGuid():N}";
        var refusals = new List<Refusal>();
        for (var n = 0; n < rows.Count; n++)
        {
            var row = rows[n];
            string? Field(string name) => header.TryGetValue(name, out var i) && i < row.Fields.Count && row.Fields[i].Length > 0 ? row.Fields[i] : null;
            try
            {
                await mediator.Send(new RegisterResident(Field("identityNumber") ?? string.Empty, Field("name") ?? string.Empty, Field("phone"), Field("address"), Field("gridId"), null, null,
                    new CommandContext(actor, Guid.NewGuid().ToString("N"), correlation, $"{correlation}-{row.Line}")));
            }
            catch (CommandRejectedException e)
            {
                refusals.AddRange(Describe(row.Line, e));
            }

            progress.Report(n + 1);
        }

        return refusals;
    }

    private static IEnumerable<Refusal> Describe(int line, CommandRejectedException e) =>
        e.Details.TryGetValue("errors", out var errors) && errors is IReadOnlyDictionary<string, string[]> byField
            ? byField.SelectMany(f => f.Value.Select(m => new Refusal(line, $"{f.Key}: {m}")))
            : [new Refusal(line, $"{e.Code}: {e.Message}")];

    private sealed record Refusal(int Line, string Problem)
    {
        public override string ToString() => $"line {Line}: {Problem}";
    }
}
