namespace Affairs.Console.Tests;

/// <summary>One host for a test class; the host is started only where the browser is installed.</summary>
public sealed class ConsoleHostFixture : IDisposable
{
    private readonly Lazy<ConsoleHost> _host = new(() => new ConsoleHost());

    public ConsoleHost Host => _host.Value;

    public void Dispose()
    {
        if (_host.IsValueCreated)
        {
            _host.Value.Dispose();
        }
    }
}
