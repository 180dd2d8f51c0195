namespace Affairs.Workflows.Tests;

/// <summary>A test class whose tests each get a fresh SQLite store file, deleted afterwards.</summary>
public abstract class StoreTest : IAsyncLifetime
{
    protected TempStore Temp { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Temp.DisposeAsync();
}
