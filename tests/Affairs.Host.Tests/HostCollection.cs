namespace Affairs.Host.Tests;

/// <summary>The tests that share one seeded host; each makes its own residents and cases.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFactory>
{
    public const string Name = "host";
}
