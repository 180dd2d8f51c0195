using Affairs.Host.Tests;

namespace Affairs.Api.Client.Tests;

/// <summary>The client NSwag generated from the committed contract, on the in-process host of the host tests.</summary>
public static class GeneratedClients
{
    /// <summary>The generated client, authenticated with the demo key <paramref name="demoKey"/> (such as <c>demo-dibao-a</c>).</summary>
    public static AffairsClient Client(this HostFactory host, string demoKey) => new(host.As(demoKey));
}
