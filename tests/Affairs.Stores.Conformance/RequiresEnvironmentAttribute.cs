namespace Affairs.Stores.Conformance;

/// <summary>
/// Put on a conformance subclass whose store needs an outside server: when the variable is unset, every
/// <see cref="ConformanceFactAttribute"/> test of that class is reported as skipped with this reason, instead of failing.
/// The class fixture is still constructed, so it must not connect until the first test asks for the store.
/// </summary>
/// <param name="variable">The environment variable holding the connection string.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable) : Attribute
{
    /// <summary>The environment variable holding the connection string.</summary>
    public string Variable { get; } = variable;
}
