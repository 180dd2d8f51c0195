using System.CommandLine;
using Affairs.EventStore;
using Affairs.Workflows.Projections;

namespace Affairs.Host.Cli;

/// <summary><c>rebuild</c>: rebuilds the read models from the first event, with a progress bar, and prints the checkpoint reached.</summary>
internal static class RebuildCommand
{
    public static Command Create(CliContext cli)
    {
        var command = new Command("rebuild", "Rebuild the read models (queues, deadlines, statistics) from the first event.");
        command.SetAction(_ => cli.WithServicesAsync(async services =>
        {
            var total = await CountAsync(services.GetRequiredService<IEventStore>());
            var status = await cli.WithProgressAsync("rebuilding", total, progress => services.GetRequiredService<ProjectionEngine>().RebuildAsync(progress));
            cli.Output.WriteLine($"Read models rebuilt from {total} events; checkpoint {status.Checkpoint}.");
            return CliExitCodes.Success;
        }));
        return command;
    }

    /// <summary>How many events the log holds, for the progress bar's total.</summary>
    public static async Task<long> CountAsync(IEventStore store, SubscriptionFilter? filter = null)
    {
        long total = 0;
        await foreach (var _ in store.ReadAllAsync(filter ?? SubscriptionFilter.All, 0, long.MaxValue))
        {
            total++;
        }

        return total;
    }
}
