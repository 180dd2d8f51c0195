using Affairs.EventStore;
using Affairs.Workflows.Projections;

namespace Affairs.Host.Cli;

/// <summary><c>rebuild</c>: rebuilds the read models from the first event, with a progress bar, and prints the checkpoint reached.</summary>
internal static class RebuildCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        var total = await CountAsync(services.GetRequiredService<IEventStore>());
        var progress = new ProgressBar("rebuilding", total, Console.Error);
        var status = await services.GetRequiredService<ProjectionEngine>().RebuildAsync(progress);
        progress.Report(total);
        output.WriteLine($"Read models rebuilt from {total} events; checkpoint {status.Checkpoint}.");
        return 0;
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
