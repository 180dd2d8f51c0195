namespace Affairs.Host.Hosting;

/// <summary>
/// When the engine records the ledger digest in the log, from configuration section <c>Affairs:LedgerDigest</c>:
/// after <see cref="EveryEvents"/> events, or <see cref="Interval"/> after the last record once anything was written;
/// looked at every <see cref="CheckInterval"/>.
/// </summary>
internal sealed class LedgerDigestSettings
{
    public int EveryEvents { get; set; } = 1000;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public static LedgerDigestSettings From(IConfiguration configuration)
    {
        var settings = new LedgerDigestSettings();
        configuration.GetSection("Affairs:LedgerDigest").Bind(settings);
        return settings;
    }
}
