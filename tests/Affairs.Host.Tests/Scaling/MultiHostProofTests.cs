using Xunit.Abstractions;

namespace Affairs.Host.Tests.Scaling;

/// <summary>
/// Several host processes on one store, one of them (or the store's leader) killed midway: see <see cref="MultiHostProof"/>.
/// Each starts real processes of the built host, so each runs only where its store is given.
/// </summary>
public sealed class MultiHostProofTests(ITestOutputHelper output)
{
    [PostgresProofFact]
    public async Task three_hosts_on_one_postgres_lose_and_duplicate_nothing_when_one_is_killed_midway()
    {
        await using var store = new PostgresProofStore();
        await new MultiHostProof(store, hostCount: 3, output).RunAsync((proof, ct) => proof.KillAndRestartAsync(1, ct));
    }

    [EsdbClusterProofFact]
    public async Task two_hosts_on_an_eventstoredb_cluster_lose_and_duplicate_nothing_when_the_leader_is_killed_midway()
    {
        await using var store = new EsdbClusterProofStore();
        await new MultiHostProof(store, hostCount: 2, output).RunAsync(async (proof, ct) =>
        {
            var node = await store.KillLeaderAsync(ct);
            output.WriteLine($"leader node {node} killed");
            await Task.Delay(TimeSpan.FromSeconds(5), ct);
            await store.RestartNodeAsync(node, ct);
        });
    }

    /// <summary>Runs only when <c>AFFAIRS_TEST_POSTGRES</c> names a server (see <c>scripts/services.sh</c>).</summary>
    private sealed class PostgresProofFactAttribute : FactAttribute
    {
        public PostgresProofFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresProofStore.Variable)))
            {
                Skip = $"Needs PostgreSQL: set {PostgresProofStore.Variable} (eval \"$(bash scripts/services.sh start)\").";
            }
        }
    }

    /// <summary>Runs only on a three-node EventStoreDB cluster the test may kill nodes of.</summary>
    private sealed class EsdbClusterProofFactAttribute : FactAttribute
    {
        public EsdbClusterProofFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EsdbClusterProofStore.Variable))
                || string.IsNullOrEmpty(Environment.GetEnvironmentVariable(EsdbClusterProofStore.FolderVariable)))
            {
                Skip = $"Needs a three-node EventStoreDB cluster: set {EsdbClusterProofStore.Variable} and {EsdbClusterProofStore.FolderVariable} "
                    + "(eval \"$(../shared/tools/eventstoredb/esdb.sh start DIR --nodes 3 --port P)\" and the DIR given to it); "
                    + "the hosts reach it through esdb+discover://, which the EventStoreDB store must support.";
            }
        }
    }
}
