using Affairs.EventStore;
using Microsoft.Data.Sqlite;

namespace Affairs.Stores.Sqlite;

/// <summary>
/// Turns SQLite's exceptions into the port's at the adapter boundary: a file that cannot be opened, stays locked past
/// the busy timeout, fails to read or write, or has no room left is <see cref="EventStoreUnavailableException"/>; a file
/// that is damaged or not a database is <see cref="EventStoreDamagedException"/>; any other SQLite error is an
/// <see cref="InvalidOperationException"/> naming its result code. The driver's exception
/// stays the inner one.
/// </summary>
internal static class SqliteFaults
{
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CannotOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>True for an exception that must not leave the adapter as it is.</summary>
    public static bool IsDriverFault(Exception exception) =>
        exception is SqliteException or IOException or UnauthorizedAccessException;

    /// <summary>The port's exception for <paramref name="exception"/>, or <paramref name="exception"/> itself when it is not the driver's.</summary>
    public static Exception Translate(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: Busy or Locked } locked =>
            new EventStoreUnavailableException("The SQLite event store is locked by another connection.", locked, TimeSpan.FromSeconds(1)),
        SqliteException { SqliteErrorCode: Corrupt or NotADatabase } damaged =>
            new EventStoreDamagedException($"The SQLite event store file is damaged or is not a SQLite database (SQLite error {damaged.SqliteErrorCode}); nothing was changed. Restore it from a backup.", damaged),
        SqliteException { SqliteErrorCode: IoError or Full or CannotOpen } file =>
            new EventStoreUnavailableException($"The SQLite event store file cannot be used (SQLite error {file.SqliteErrorCode}).", file),
        SqliteException other =>
            new InvalidOperationException($"The SQLite event store refused the operation (SQLite error {other.SqliteErrorCode}).", other),
        IOException or UnauthorizedAccessException =>
            new EventStoreUnavailableException("The SQLite event store file cannot be used.", exception),
        _ => exception,
    };
}
