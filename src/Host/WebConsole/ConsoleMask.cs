using System.Text.Json;
using Affairs.Host.Privacy;

namespace Affairs.Host.WebConsole;

/// <summary>
/// A read model as the API would answer it to the same caller: written through the API's masked or unmasked JSON and
/// read back, so the console shows exactly what the API shows, by the same rules, never a rule of its own.
/// </summary>
internal static class ConsoleMask
{
    public static T Apply<T>(T value, bool unmasked) => unmasked
        ? value
        : JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, PersonalDataJson.Masked), PersonalDataJson.Unmasked)!;
}
