using Affairs.Host.Security;

namespace Affairs.Host.Seeding;

/// <summary>One demo key: its name (also its key id), what it is, and whom it acts as. The key itself is <c>{Name}-key</c>.</summary>
internal sealed record DemoKey(string Name, string Description, ApiKeyBinding Binding)
{
    /// <summary>The key to send as <c>X-Api-Key</c>; public, like every demo key.</summary>
    public string Key => $"{Name}-key";
}
