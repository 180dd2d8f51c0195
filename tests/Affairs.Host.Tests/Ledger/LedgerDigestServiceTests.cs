using Affairs.EventStore;
using Microsoft.AspNetCore.Hosting;

namespace Affairs.Host.Tests.Ledger;

/// <summary>The hosted service that records the ledger digest in the log, on a host with its background work running.</summary>
public sealed class LedgerDigestServiceTests
{
    [Fact]
    public async Task the_host_records_the_ledger_digest_in_the_log_every_configured_number_of_events()
    {
        await using var host = new RecordingHost();
        _ = host.Services;

        var recorded = new List<RecordedEvent>();
        for (var attempt = 0; attempt < 100 && recorded.Count < 2; attempt++)
        {
            await Task.Delay(100);
            host.Clock.Advance(TimeSpan.FromMinutes(1));
            recorded = await host.Store.ReadAllAsync(SubscriptionFilter.ForCategory("ledger"), 0, long.MaxValue).ToListAsync();
        }

        Assert.True(recorded.Count >= 2, "The seed's events should have made at least two digests due.");
        Assert.All(recorded, e => Assert.Equal(("ledger-digests", "ledger.digest-recorded.v1"), (e.Stream.Value, e.Type)));
        var check = await host.As("demo-auditor").GetAsync("/api/ledger/verify").Json();
        Assert.True(check.GetProperty("valid").GetBoolean());
        Assert.True(check.GetProperty("recordedDigests").GetInt64() >= 2);
    }

    private sealed class RecordingHost : HostFactory
    {
        public RecordingHost() => BackgroundServices = true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Affairs:LedgerDigest:EveryEvents", "40");
        }
    }
}
