namespace Affairs.Stores.Postgres;

/// <summary>Settings of the PostgreSQL event store (configuration section <c>Store:Postgres</c>).</summary>
public sealed class PostgresEventStoreOptions
{
    /// <summary>An Npgsql connection string, for example <c>Host=db;Database=affairs;Username=affairs;Password=…</c>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The schema that holds the store's tables, created on first use: lower-case letters, digits and underscores,
    /// starting with a letter or underscore, at most 50 characters.
    /// </summary>
    public string Schema { get; set; } = "affairs";

    /// <summary>The most appends one group commit takes together.</summary>
    public int MaxAppendsPerCommit { get; set; } = 512;

    /// <summary>Rows a read fetches at a time; a read never holds more than this in memory.</summary>
    public int ReadPageSize { get; set; } = 512;

    /// <summary>
    /// How often an idle subscription looks again when no notification came. Commits wake subscriptions at once
    /// through LISTEN/NOTIFY; this only bounds the delay if a notification is lost with a dropped connection.
    /// </summary>
    public TimeSpan FallbackPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock that stamps recorded times.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
