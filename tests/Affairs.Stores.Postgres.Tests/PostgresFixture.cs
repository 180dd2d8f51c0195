using Affairs.EventStore;
using Affairs.Stores.Conformance;
using Npgsql;

namespace Affairs.Stores.Postgres.Tests;

/// <summary>
/// A store in a schema of its own on the server named by <see cref="Variable"/>, created on first use (so that a
/// class whose tests are skipped never connects) and dropped afterwards.
/// </summary>
public sealed class PostgresFixture : IEventStoreFixture, IAsyncLifetime
{
    public const string Variable = "AFFAIRS_TEST_POSTGRES";

    private readonly List<PostgresEventStore> _stores = [];
    private PostgresEventStore? _store;

    public IEventStore Store => _store ??= CreateStore();

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set.");

    /// <summary>Another store on a fresh schema of its own, disposed and dropped with the fixture.</summary>
    public PostgresEventStore CreateStore(string? schema = null, TimeSpan? fallbackPollInterval = null)
    {
        var options = new PostgresEventStoreOptions
        {
            ConnectionString = ConnectionString,
            Schema = schema ?? "test_" + Guid.NewGuid().ToString("N")[..16],
        };
        options.FallbackPollInterval = fallbackPollInterval ?? options.FallbackPollInterval;
        var store = new PostgresEventStore(options);
        _stores.Add(store);
        return store;
    }

    /// <summary>A store on a fresh schema, migrated before it is returned.</summary>
    public async Task<PostgresEventStore> MigratedStoreAsync()
    {
        var store = CreateStore();
        await store.MigrateAsync();
        return store;
    }

    /// <summary>Runs one statement on a connection of its own and returns its first value.</summary>
    public static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        foreach (var schema in _stores.Select(s => s.Schema).Distinct())
        {
            await ScalarAsync<object>($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE; SELECT 1");
        }
    }
}
