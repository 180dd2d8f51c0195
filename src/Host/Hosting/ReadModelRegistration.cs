using Affairs.EventStore;
using Affairs.Stores.Postgres;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Projections;

namespace Affairs.Host.Hosting;

/// <summary>
/// Registers where the read models are kept between runs (<see cref="IReadModelStore"/>) and how they batch and wait
/// (<see cref="ReadModelOptions"/>, section <c>Affairs:ReadModels</c>). By default they follow the event store: with
/// SQLite, a file of their own beside the store's (<c>affairs.db</c> → <c>affairs.readmodels.db</c>); with PostgreSQL,
/// tables in the store's schema; with EventStoreDB, a SQLite file (<c>Store:ReadModels:Path</c>, by default
/// <c>affairs.readmodels.db</c> in <c>Affairs:DataFolder</c>). <c>Store:ReadModels:Kind</c> chooses otherwise: <c>Sqlite</c> (with
/// <c>Path</c>), <c>Postgres</c> (with <c>ConnectionString</c> and optional <c>Schema</c>), or <c>Memory</c> (kept
/// nowhere: every start replays the log).
/// </summary>
internal static partial class ReadModelRegistration
{
    public static IServiceCollection AddReadModels(this IServiceCollection services)
    {
        // Read when first asked for, from the configuration as the host finally has it.
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Affairs:ReadModels").Get<ReadModelOptions>() ?? new ReadModelOptions());
        services.AddSingleton(sp => Create(sp.GetRequiredService<IConfiguration>(), sp.GetService<SqliteEventStore>(), sp.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    private static IReadModelStore Create(IConfiguration configuration, SqliteEventStore? events, ILoggerFactory loggers)
    {
        var section = configuration.GetSection("Store:ReadModels");
        var store = configuration["Store"] ?? configuration["Store:Kind"] ?? "Sqlite";
        var kind = section["Kind"] ?? (string.Equals(store, "Postgres", StringComparison.OrdinalIgnoreCase) ? "Postgres" : "Sqlite");
        if (string.Equals(kind, "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return new Nowhere();
        }

        if (string.Equals(kind, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var postgres = configuration.GetSection("Store:Postgres");
            var connection = section["ConnectionString"] ?? postgres["ConnectionString"];
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Store:ReadModels:Kind=Postgres needs Store:ReadModels:ConnectionString (or the PostgreSQL store's).");
            }

            return new PostgresReadModelStore(connection, section["Schema"] ?? postgres["Schema"] ?? "affairs");
        }

        if (!string.Equals(kind, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown Store:ReadModels:Kind '{kind}'; known: Sqlite, Postgres, Memory.");
        }

        var file = new SqliteReadModelStore(section["Path"] ?? (events is not null
            ? SqliteReadModelStore.BesideEventStore(events.FilePath)
            : DataFolder.From(configuration).File("affairs.readmodels.db")));
        var log = loggers.CreateLogger(typeof(SqliteReadModelStore));
        file.FileSetAside += (path, aside, error) => LogSetAside(log, path, aside, error);
        return file;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read-model file {Path} could not be read (SQLite error {Error}); it was moved to {Aside}, and the read models will be rebuilt from the log into a new file")]
    private static partial void LogSetAside(ILogger logger, string path, string aside, int error);

    /// <summary>Keeps nothing: every start replays the log.</summary>
    private sealed class Nowhere : IReadModelStore
    {
        public Task<ReadModelState?> LoadAsync(string model, CancellationToken cancellationToken = default) => Task.FromResult<ReadModelState?>(null);

        public Task<bool> SaveAsync(ReadModelChanges changes, CancellationToken cancellationToken = default) => Task.FromResult(true);
    }
}
