using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Residents;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary>
/// <c>import residents &lt;csv&gt;</c>: registers each line as one resident through the ordinary command, so each
/// resident is recorded whole or not at all; every problem is reported with its line, and the import goes on.
/// Problems name the line and field, never the personal data in it. Exit code 1 when any line failed.
/// </summary>
internal static class ImportResidentsCommand
{
    public static async Task<int> RunAsync(IMediator mediator, CliArguments command, TextWriter output)
    {
        if (command.Positionals is not ["residents", var file] || !File.Exists(file))
        {
            return CliRunner.Fail("import residents <csv>  (the file must exist)");
        }

        var lines = await File.ReadAllLinesAsync(file);
        var header = lines.Length > 0 ? ResidentCsv.SplitLine(lines[0]).Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.OrdinalIgnoreCase) : [];
        if (ResidentCsv.Required.FirstOrDefault(c => !header.ContainsKey(c)) is { } missing)
        {
            return CliRunner.Fail($"The header must name the column '{missing}' (identityNumber,name,phone,address,gridId).");
        }

        var actor = Actor.Of("import", ActorRoles.Administrator, ActorRoles.Caseworker);
        var correlation = $"import-{Guid.NewGuid():N}";
        var progress = new ProgressBar("importing", lines.Length - 1, Console.Error);
        var (imported, failed) = (0, 0);
        for (var n = 1; n < lines.Length; n++)
        {
            progress.Report(n);
            if (string.IsNullOrWhiteSpace(lines[n]))
            {
                continue;
            }

            var fields = ResidentCsv.SplitLine(lines[n]);
            string? Field(string name) => header.TryGetValue(name, out var i) && i < fields.Count && fields[i].Length > 0 ? fields[i] : null;
            try
            {
                await mediator.Send(new RegisterResident(Field("identityNumber") ?? string.Empty, Field("name") ?? string.Empty, Field("phone"), Field("address"), Field("gridId"), null, null,
                    new CommandContext(actor, Guid.NewGuid().ToString("N"), correlation, $"{correlation}-{n}")));
                imported++;
            }
            catch (CommandRejectedException e)
            {
                failed++;
                output.WriteLine(Describe(n + 1, e));
            }
        }

        progress.Report(lines.Length - 1);
        output.WriteLine($"{imported} imported, {failed} refused.");
        return failed == 0 ? 0 : 1;
    }

    private static string Describe(int line, CommandRejectedException e) =>
        e.Details.TryGetValue("errors", out var errors) && errors is IReadOnlyDictionary<string, string[]> byField
            ? string.Join(Environment.NewLine, byField.SelectMany(f => f.Value.Select(m => $"line {line}: {f.Key}: {m}")))
            : $"line {line}: {e.Code}: {e.Message}";
}
