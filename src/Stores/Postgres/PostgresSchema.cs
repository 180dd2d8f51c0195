using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace Affairs.Stores.Postgres;

/// <summary>
/// Versioned schema migrations: the embedded <c>Migrations/NNNN_name.sql</c> scripts, applied in order, each in its
/// own transaction with its row in <c>schema_migrations</c>, under a session advisory lock so that several processes
/// starting at once migrate exactly once.
/// </summary>
internal static partial class PostgresSchema
{
    private const string ResourcePrefix = "Affairs.Stores.Postgres.Migrations.";
    private const string Placeholder = "__schema__";

    /// <summary>The first key of the two-key advisory lock; the second is the hash of the schema name.</summary>
    internal const int MigrationLockClass = 0x41666661;

    /// <summary>The migrations this build knows, in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    /// <summary>Refuses schema names that would need quoting rules or could inject SQL.</summary>
    public static string Validate(string schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException("The schema name is lower-case letters, digits and underscores, at most 50 characters, not starting with a digit.", nameof(schema));
        }

        return schema;
    }

    /// <summary>
    /// SQL that creates <paramref name="schema"/> and runs <paramref name="createTables"/> under the schema's migration
    /// lock, held to the end of the implicit transaction: hosts starting together would otherwise race in
    /// <c>CREATE … IF NOT EXISTS</c>, and the loser fail on the catalog's unique index.
    /// </summary>
    public static string UnderMigrationLock(string schema, string createTables) =>
        $"""
        SELECT pg_advisory_xact_lock({MigrationLockClass}, hashtext('{schema}'));
        CREATE SCHEMA IF NOT EXISTS {Quote(schema)};
        {createTables}
        """;

    public static async Task MigrateAsync(NpgsqlConnection connection, string schema, CancellationToken cancellationToken)
    {
        var quoted = Quote(schema);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockClass}, hashtext('{schema}'))", cancellationToken).ConfigureAwait(false);
        try
        {
            await ExecuteAsync(connection,
                $"CREATE SCHEMA IF NOT EXISTS {quoted}; " +
                $"CREATE TABLE IF NOT EXISTS {quoted}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())",
                cancellationToken).ConfigureAwait(false);
            var applied = await AppliedAsync(connection, quoted, cancellationToken).ConfigureAwait(false);
            foreach (var (version, name, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, sql.Replace(Placeholder, quoted, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
                await using (var record = new NpgsqlCommand($"INSERT INTO {quoted}.schema_migrations (version, name) VALUES ($1, $2)", connection))
                {
                    record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = version });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = name });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockClass}, hashtext('{schema}'))", CancellationToken.None).ConfigureAwait(false);
        }
    }

    public static string Quote(string schema) => $"\"{schema}\"";

    private static async Task<HashSet<int>> AppliedAsync(NpgsqlConnection connection, string quoted, CancellationToken cancellationToken)
    {
        var applied = new HashSet<int>();
        await using var command = new NpgsqlCommand($"SELECT version FROM {quoted}.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied.Add(reader.GetInt32(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static List<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(PostgresSchema).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(resource =>
            {
                var name = resource[ResourcePrefix.Length..^".sql".Length];
                var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
                return (version, name, Read(assembly, resource));
            })
            .ToList();
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,49}$")]
    private static partial Regex SchemaName();
}
