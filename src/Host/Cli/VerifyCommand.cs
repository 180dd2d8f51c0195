using Affairs.EventStore;
using Affairs.Workflows.Audit;
using Mediator;

namespace Affairs.Host.Cli;

/// <summary><c>verify &lt;case&gt;</c> or <c>verify --all</c>: recomputes hash chains; exit code 1 when one is broken.</summary>
internal static class VerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CliArguments command, TextWriter output)
    {
        if (command.Has("all"))
        {
            var total = await RebuildCommand.CountAsync(services.GetRequiredService<IEventStore>(), SubscriptionFilter.ForCategory("case"));

            var progress = new ProgressBar("verifying", total, Console.Error);
            var (streams, events, broken) = await services.GetRequiredService<ChainVerifier>().VerifyCategoryAsync("case", progress);
            progress.Report(total);
            foreach (var check in broken)
            {
                output.WriteLine($"BROKEN {check.Stream} at revision {check.FirstBrokenRevision}: {check.Problem}");
            }

            output.WriteLine($"{streams} cases, {events} events checked, {broken.Count} broken.");
            return broken.Count == 0 ? 0 : 1;
        }

        if (command.Positionals.Count != 1)
        {
            return CliRunner.Fail("verify <case> | --all");
        }

        var result = await services.GetRequiredService<IMediator>().Send(new VerifyCase(command.Positionals[0]));
        output.WriteLine(result.Valid
            ? $"{result.Stream}: {result.EventsChecked} events, chain intact."
            : $"BROKEN {result.Stream} at revision {result.FirstBrokenRevision}: {result.Problem}");
        return result.Valid ? 0 : 1;
    }
}
