namespace Affairs.Stores.Sqlite;

/// <summary>How hard the embedded store works to keep a committed append across a power loss.</summary>
public enum SqliteDurability
{
    /// <summary><c>synchronous=FULL</c>: every commit is on disk before its append is acknowledged. The default.</summary>
    Full,

    /// <summary><c>synchronous=NORMAL</c>: commits survive a process crash, but the last ones may be lost on power failure.</summary>
    Normal,
}
