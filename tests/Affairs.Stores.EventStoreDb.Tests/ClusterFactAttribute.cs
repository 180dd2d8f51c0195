namespace Affairs.Stores.EventStoreDb.Tests;

/// <summary>A test on a real three-node cluster: skipped, with the reason, unless scripts/services.sh (or esdb.sh) started one.</summary>
public sealed class ClusterFactAttribute : FactAttribute
{
    public const string Variable = "AFFAIRS_TEST_ESDB_CLUSTER";
    public const string FolderVariable = "AFFAIRS_TEST_ESDB_CLUSTER_DIR";
    public const string ToolsVariable = "AFFAIRS_TEST_ESDB_TOOLS";

    public ClusterFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
            || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(FolderVariable))
            || string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ToolsVariable)))
        {
            Skip = $"No EventStoreDB cluster: {Variable}, {FolderVariable} and {ToolsVariable} are set by "
                + "`eval \"$(bash scripts/services.sh start)\"` when the EventStoreDB tools are beside the checkout.";
        }
    }
}
