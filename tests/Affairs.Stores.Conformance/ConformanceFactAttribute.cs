using Xunit.Sdk;

namespace Affairs.Stores.Conformance;

/// <summary>A conformance test: a <see cref="FactAttribute"/> that honours <see cref="RequiresEnvironmentAttribute"/> on the concrete class.</summary>
[XunitTestCaseDiscoverer("Affairs.Stores.Conformance.ConformanceFactDiscoverer", "Affairs.Stores.Conformance")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute;
