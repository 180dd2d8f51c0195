using Affairs.EventStore;
using Affairs.Stores.EventStoreDb;
using Affairs.Stores.Postgres;
using Affairs.Stores.Sqlite;

namespace Affairs.Host.Hosting;

/// <summary>
/// Registers the <see cref="IEventStore"/> chosen by configuration: <c>Store</c> = <c>Sqlite</c> (the default, section
/// <c>Store:Sqlite</c>), <c>Postgres</c> (section <c>Store:Postgres</c>, with <c>ConnectionString</c> and optional
/// <c>Schema</c>) or <c>EventStoreDb</c> (section <c>Store:EventStoreDb</c>, with an <c>esdb://</c> <c>ConnectionString</c>). A JSON file cannot give <c>Store</c> a value beside its sections, so there it is <c>Store:Kind</c>.
/// </summary>
internal static class EventStoreRegistration
{
    /// <summary>Adds the configured store and returns a short description of it for the start-up log line.</summary>
    public static string AddEventStore(this IServiceCollection services, IConfiguration configuration)
    {
        var kind = configuration["Store"] ?? configuration["Store:Kind"];
        if (string.Equals(kind, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            var options = configuration.GetSection("Store:Postgres").Get<PostgresEventStoreOptions>() ?? new PostgresEventStoreOptions();
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Store=Postgres needs Store:Postgres:ConnectionString.");
            }

            services.AddSingleton(_ => new PostgresEventStore(options));
            services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<PostgresEventStore>());
            return $"the PostgreSQL store (schema {options.Schema})";
        }

        if (string.Equals(kind, "EventStoreDb", StringComparison.OrdinalIgnoreCase))
        {
            var options = configuration.GetSection("Store:EventStoreDb").Get<EventStoreDbOptions>() ?? new EventStoreDbOptions();
            if (string.IsNullOrWhiteSpace(options.ConnectionString))
            {
                throw new InvalidOperationException("Store=EventStoreDb needs Store:EventStoreDb:ConnectionString (esdb://host:2113?tls=false).");
            }

            services.AddSingleton<IEventStore>(_ => EventStoreDbEventStore.Create(options));
            return "the EventStoreDB store";
        }

        if (!string.IsNullOrEmpty(kind) && !string.Equals(kind, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Unknown Store '{kind}'; known: Sqlite, Postgres, EventStoreDb.");
        }

        var sqlite = configuration.GetSection("Store:Sqlite").Get<SqliteEventStoreOptions>() ?? new SqliteEventStoreOptions();
        services.AddSingleton(sp =>
        {
            sqlite.TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return SqliteEventStore.Open(sqlite);
        });
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<SqliteEventStore>());
        return $"the embedded store at {Path.GetFullPath(sqlite.Path)}";
    }
}
