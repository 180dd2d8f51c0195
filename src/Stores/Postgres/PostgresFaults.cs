using System.Net.Sockets;
using Affairs.EventStore;
using Npgsql;

namespace Affairs.Stores.Postgres;

/// <summary>
/// Turns Npgsql's exceptions into the port's at the adapter boundary: a server that cannot be reached, refuses
/// connections, drops them or is shutting down is <see cref="EventStoreUnavailableException"/>; data or an index the
/// server finds corrupted (XX001, XX002) is <see cref="EventStoreDamagedException"/>; any other server error is an
/// <see cref="InvalidOperationException"/> naming its SQLSTATE. The driver's exception stays the inner one;
/// messages never carry the connection string.
/// </summary>
internal static class PostgresFaults
{
    /// <summary>True for an exception that must not leave the adapter as it is.</summary>
    public static bool IsDriverFault(Exception exception) =>
        exception is NpgsqlException or IOException or SocketException or TimeoutException;

    /// <summary>The port's exception for <paramref name="exception"/>, or <paramref name="exception"/> itself when it is not the driver's.</summary>
    public static Exception Translate(Exception exception) => exception switch
    {
        PostgresException { SqlState: "XX001" or "XX002" } damaged =>
            new EventStoreDamagedException($"The PostgreSQL event store's data is damaged (SQLSTATE {damaged.SqlState}); nothing was changed. Restore it from a backup.", damaged),
        PostgresException server when !IsUnavailable(server) =>
            new InvalidOperationException($"The PostgreSQL event store refused the operation (SQLSTATE {server.SqlState}).", server),
        _ when IsDriverFault(exception) =>
            new EventStoreUnavailableException("The PostgreSQL event store cannot be reached.", exception),
        _ => exception,
    };

    /// <summary>Connection exceptions (class 08), insufficient resources (53), shutdown or start-up (57P01–57P03), or anything Npgsql deems transient.</summary>
    private static bool IsUnavailable(PostgresException server) =>
        server.IsTransient
        || server.SqlState.StartsWith("08", StringComparison.Ordinal)
        || server.SqlState.StartsWith("53", StringComparison.Ordinal)
        || server.SqlState is "57P01" or "57P02" or "57P03";
}
