using Affairs.Stores.Conformance;

namespace Affairs.Stores.Sqlite.Tests;

public sealed class SqliteConformance(SqliteFixture fixture) : EventStoreConformance<SqliteFixture>(fixture);
