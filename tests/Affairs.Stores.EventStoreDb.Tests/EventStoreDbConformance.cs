using Affairs.Stores.Conformance;

namespace Affairs.Stores.EventStoreDb.Tests;

[RequiresEnvironment("AFFAIRS_TEST_ESDB")] public sealed class EventStoreDbConformance(EventStoreDbFixture f) : EventStoreConformance<EventStoreDbFixture>(f);
