using System.Net;
using Microsoft.Data.Sqlite;

namespace Affairs.Host.Tests.Ledger;

/// <summary>
/// A host of its own, one of whose stored events is overwritten behind its back with bytes that are not its type's JSON:
/// the case that has it answers a 500 naming where, not a client's 400 (and its replay one line and exit code 1);
/// everything else goes on.
/// </summary>
public sealed class UnreadableEventHostTests(HostFactory host) : IClassFixture<HostFactory>
{
    [Fact]
    public async Task a_case_whose_stored_event_does_not_read_is_a_500_naming_the_event_and_the_rest_still_answers()
    {
        var centre = new Centre(host);
        var damaged = await centre.OpenDibao();
        var intact = await centre.OpenDibao();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataFolder, "affairs.db")}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = "UPDATE events SET data = CAST('{\"caseId\":' AS BLOB) WHERE stream_id = (SELECT id FROM streams WHERE name = $stream) AND revision = 0";
            edit.Parameters.AddWithValue("$stream", $"case-{damaged}");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var read = await centre.Auditor.GetAsync($"/api/cases/{damaged}?revision=0");
        var other = await centre.Auditor.GetAsync($"/api/cases/{intact}");
        var (code, output, error) = await host.RunCliWithErrorsAsync("replay", damaged);

        Assert.Equal(HttpStatusCode.InternalServerError, read.StatusCode);
        var problem = await read.Json();
        Assert.Equal("store.event-unreadable", problem.Str("code"));
        Assert.Contains($"revision 0 of case-{damaged}", problem.Str("detail"), StringComparison.Ordinal);
        Assert.DoesNotContain("{\"caseId\":", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal((1, string.Empty), (code, output));
        Assert.Contains($"revision 0 of case-{damaged}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Contains($"of case-{damaged}", StringComparison.Ordinal) && e.Contains("does not read as its type", StringComparison.Ordinal));
    }
}
