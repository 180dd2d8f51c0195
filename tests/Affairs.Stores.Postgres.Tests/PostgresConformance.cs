using Affairs.Stores.Conformance;

namespace Affairs.Stores.Postgres.Tests;

[RequiresEnvironment(PostgresFixture.Variable)]
public sealed class PostgresConformance(PostgresFixture fixture) : EventStoreConformance<PostgresFixture>(fixture);
