namespace Affairs.Console.Tests;

/// <summary>What the demo seed puts in the store that the journeys use.</summary>
public static class Seeded
{
    /// <summary>孙建华, head of the seeded Sun household in grid g-02.</summary>
    public const string SunIdentityNumber = "420802197506010510";

    public const string SunName = "孙建华";
}
