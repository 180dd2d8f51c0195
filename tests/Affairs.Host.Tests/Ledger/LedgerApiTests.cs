using System.Net;
using Affairs.Host.Tests.Problems;
using Snapshooter.Xunit;

namespace Affairs.Host.Tests.Ledger;

/// <summary>The ledger routes on the seeded host, left untouched.</summary>
[Collection(HostCollection.Name)]
public sealed class LedgerApiTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task every_kind_of_stream_verifies_and_a_digest_taken_now_still_matches_after_more_events()
    {
        await _centre.OpenAndAccept();
        var digest = await _centre.Auditor.GetAsync("/api/ledger/digest").Json();
        await _centre.NewResident();

        var check = await _centre.Auditor.PostRaw("/api/ledger/verify", digest.GetRawText()).Json();

        Assert.True(check.GetProperty("valid").GetBoolean());
        var kinds = check.GetProperty("streamsByCategory").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Superset(new HashSet<string> { "affairtype", "case", "household", "organisation", "policy", "resident" }, kinds.ToHashSet());
        var against = check.GetProperty("against");
        Assert.True(against.GetProperty("matches").GetBoolean());
        Assert.Equal(digest.GetProperty("events").GetInt64(), against.GetProperty("eventsNow").GetInt64());
        Assert.True(against.GetProperty("eventsAfter").GetInt64() >= 1);
    }

    [Fact]
    public async Task the_ledger_is_checked_by_auditors_and_supervisors_only()
    {
        Assert.Equal(HttpStatusCode.OK, (await _centre.Supervisor.GetAsync("/api/ledger/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _centre.A.GetAsync("/api/ledger/digest")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _centre.Integration.Post("/api/ledger/verify")).StatusCode);
    }

    [Fact]
    public async Task a_malformed_digest_is_400_listing_every_field_at_once()
    {
        var response = await _centre.Auditor.Post("/api/ledger/verify", new { format = "sha256", events = 3, lastPosition = 2, digest = "ZZ", stride = 1, fingerprints = "not base64!" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Snapshot.Match(ProblemTests.Normalized(await response.Json()));
    }
}
