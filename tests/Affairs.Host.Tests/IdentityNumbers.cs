namespace Affairs.Host.Tests;

/// <summary>Identity numbers for test residents, shared by the host tests and the generated-client tests.</summary>
public static class IdentityNumbers
{
    private static int _sequence;

    /// <summary>A valid identity number no other test uses: area 420802, a birth date in 1950–1989, the MOD 11-2 check character.</summary>
    public static string Next()
    {
        var n = Interlocked.Increment(ref _sequence) + (Environment.ProcessId % 500 * 40);
        var body = $"420802{1950 + (n % 40)}{1 + (n / 40 % 12):00}{1 + (n / 480 % 28):00}{100 + (n % 900):000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
