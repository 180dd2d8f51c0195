using System.CommandLine;
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
    public static Command Create(CliContext cli)
    {
        var caseId = new Argument<string?>("case") { Description = "The case whose chain to verify.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Verify every stream in the log and the ledger digests recorded in it." };
        var against = new Option<FileInfo>("--against") { HelpName = "digest.json", Description = "With --all: a ledger digest kept outside (from digest) that must still hold." };
        against.AcceptExistingOnly();
        var command = new Command("verify", "Recompute hash chains: one case's, or every stream's (exit code 1 when anything does not match).") { caseId, all, against };
        command.Validators.Add(result =>
        {
            var (hasCase, hasAll) = (result.GetValue(caseId) is not null, result.GetValue(all));
            if (hasCase == hasAll)
            {
                result.AddError(hasAll ? "Give a case or --all, not both." : "Give the case to verify, or --all.");
            }
            else if (!hasAll && result.GetResult(against) is not null)
            {
                result.AddError("--against goes with --all.");
            }
        });
        command.SetAction(parsed => cli.WithServicesAsync(services => parsed.GetValue(all)
            ? VerifyAllAsync(cli, services, parsed.GetValue(against))
            : VerifyCaseAsync(cli, services, parsed.GetRequiredValue(caseId)!)));
        return command;
    }

    private static async Task<int> VerifyCaseAsync(CliContext cli, IServiceProvider services, string caseId)
    {
        var result = await services.GetRequiredService<IMediator>().Send(new VerifyCase(caseId));
        cli.Output.WriteLine(result.Valid
            ? $"{result.Stream}: {result.EventsChecked} events, chain intact{Coverage(result)}."
            : $"BROKEN {result.Stream} at revision {result.FirstBrokenRevision}: {result.Problem}");
        return result.Valid ? CliExitCodes.Success : CliExitCodes.Failed;
    }

    private static async Task<int> VerifyAllAsync(CliContext cli, IServiceProvider services, FileInfo? against)
    {
        LedgerDigest? digest = null;
        if (against is not null)
        {
            try
            {
                digest = JsonSerializer.Deserialize<LedgerDigest>(await File.ReadAllTextAsync(against.FullName), DigestCommand.Json);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                return cli.Fail($"--against {against}: {e.Message}");
            }
        }

        var total = await RebuildCommand.CountAsync(services.GetRequiredService<IEventStore>());
        var check = await cli.WithProgressAsync("verifying", total, progress => services.GetRequiredService<LedgerVerifier>().VerifyAsync(digest, progress));
        Report(cli.Output, check, against);
        return check.Valid ? CliExitCodes.Success : CliExitCodes.Failed;
    }

    private static void Report(TextWriter output, LedgerCheck check, FileInfo? against)
    {
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
    }

    private static string Coverage(ChainCheck check) => check.CoveredBy is { } covered
        ? $"; revision {covered.Revision} as the ledger digest recorded at position {covered.DigestPosition} saw it"
        : "; no recorded ledger digest covers it yet";
}
