namespace Affairs.Stores.Sqlite;

/// <summary>Settings of the embedded SQLite event store.</summary>
public sealed class SqliteEventStoreOptions
{
    /// <summary>The database file; its folder is created if missing.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "affairs.db");

    /// <summary>Durability of commits; <see cref="SqliteDurability.Full"/> unless configured otherwise.</summary>
    public SqliteDurability Durability { get; set; } = SqliteDurability.Full;

    /// <summary>The most appends one group commit takes together.</summary>
    public int MaxAppendsPerCommit { get; set; } = 512;

    /// <summary>Rows a read fetches at a time; a read never holds more than this in memory.</summary>
    public int ReadPageSize { get; set; } = 512;

    /// <summary>
    /// How often an idle subscription looks for events written by another process. Appends made through this
    /// store wake subscriptions at once; this only bounds the delay for writers outside the process.
    /// </summary>
    public TimeSpan ExternalWritePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a statement waits for a lock held by another connection (another process writing, a backup) before
    /// the store reports itself unavailable; whole seconds, at least one.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock that stamps recorded times.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
