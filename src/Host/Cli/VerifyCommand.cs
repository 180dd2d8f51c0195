using System.Text.Json;
using Affairs.EventStore;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Ledger;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary>
/// <c>verify &lt;case&gt;</c>, or <c>verify --all [--against digest.json]</c>: recomputes hash chains — one case's, or
/// every stream's in the log with the ledger digests recorded in it and, given one, a digest kept outside; exit code 1
/// when anything does not match.
/// </summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments command, TextWriter output)
    {
        if (command.Has("all"))
        {
            return await VerifyAllAsync(services, command.Option("against"), output);
        }

        if (command.Positionals.Count != 1 || command.Has("against"))
        {
            return CliRunner.Fail("verify <case> | --all [--against digest.json]");
        }

        var result = await services.GetRequiredService<IMediator>().Send(new VerifyCase(command.Positionals[0]));
        output.WriteLine(result.Valid
            ? $"{result.Stream}: {result.EventsChecked} events, chain intact{Coverage(result)}."
            : $"BROKEN {result.Stream} at revision {result.FirstBrokenRevision}: {result.Problem}");
        return result.Valid ? 0 : 1;
    }

    private static async Task<int> VerifyAllAsync(IServiceProvider services, string? against, TextWriter output)
    {
        LedgerDigest? digest = null;
        if (against is not null)
        {
            try
            {
                digest = JsonSerializer.Deserialize<LedgerDigest>(await File.ReadAllTextAsync(against), DigestCommand.Json);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                return CliRunner.Fail($"--against {against}: {e.Message}");
            }
        }

        var total = await RebuildCommand.CountAsync(services.GetRequiredService<IEventStore>());
        var progress = new ProgressBar("verifying", total, Console.Error);
        var check = await services.GetRequiredService<LedgerVerifier>().VerifyAsync(digest, progress);
        progress.Report(total);
        foreach (var broken in check.Broken)
        {
            output.WriteLine($"BROKEN {broken.Stream} at revision {broken.FirstBrokenRevision}: {broken.Problem}");
        }

        foreach (var recorded in check.RecordedDigestsBroken)
        {
            output.WriteLine($"BROKEN recorded digest at position {recorded.Position}: {recorded.Problem}");
        }

        var kinds = string.Join(", ", check.StreamsByCategory.Select(c => $"{c.Key} {c.Value}"));
        output.WriteLine($"{check.Streams} streams ({kinds}), {check.Events} events checked, {check.Broken.Count} broken.");
        if (check.Unchained.Count > 0)
        {
            output.WriteLine($"Written without a hash chain, vouched for by ledger digests only: {string.Join(", ", check.Unchained)}.");
        }

        output.WriteLine($"{check.RecordedDigests} ledger digests recorded in the log checked, {check.RecordedDigestsBroken.Count} broken.");
        if (check.Against is { } compared)
        {
            output.WriteLine(compared.Matches
                ? $"MATCHES {against}: all {compared.Events} events through position {compared.LastPosition} are there, unchanged; {compared.EventsAfter} appended since."
                : $"DIVERGES from {against} at its event {compared.FirstDivergence!.Event}: {compared.FirstDivergence.Problem}");
        }

        return check.Valid ? 0 : 1;
    }

    private static string Coverage(ChainCheck check) => check.CoveredBy is { } covered
        ? $"; revision {covered.Revision} as the ledger digest recorded at position {covered.DigestPosition} saw it"
        : "; no recorded ledger digest covers it yet";
}
