using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Affairs.Host.Tests.Ledger;

/// <summary>A host of its own whose store file is edited behind its back, checked through the API and the command line.</summary>
public sealed class LedgerTamperHostTests(HostFactory host) : IClassFixture<HostFactory>
{
    private const string Name = "王小明";

    [Fact]
    public async Task an_edited_resident_name_is_found_by_verify_all_and_named_against_the_digest_without_the_name()
    {
        var centre = new Centre(host);
        var residentId = await centre.NewResident(Name);
        var file = Path.Combine(host.DataFolder, "digest.json");
        var (_, json) = await host.RunCliAsync("digest");
        await File.WriteAllTextAsync(file, json);

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(host.DataFolder, "affairs.db")}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = """
                UPDATE events SET data = CAST(replace(CAST(data AS TEXT), $name, $edited) AS BLOB)
                WHERE stream_id = (SELECT id FROM streams WHERE name = $stream) AND type = 'resident.registered.v1'
                """;
            // Stored as JSON text, non-ASCII letters escaped.
            edit.Parameters.AddWithValue("$name", JsonSerializer.Serialize(Name));
            edit.Parameters.AddWithValue("$edited", JsonSerializer.Serialize("王大明"));
            edit.Parameters.AddWithValue("$stream", $"resident-{residentId}");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var plain = await centre.Auditor.GetAsync("/api/ledger/verify");
        var against = await centre.Auditor.PostRaw("/api/ledger/verify", json);
        var (code, output) = await host.RunCliAsync("verify", "--all", "--against", file);

        var check = await plain.Json();
        Assert.False(check.GetProperty("valid").GetBoolean());
        var broken = Assert.Single(check.GetProperty("broken").EnumerateArray());
        Assert.Equal(($"resident-{residentId}", 0L), (broken.Str("stream"), broken.GetProperty("firstBrokenRevision").GetInt64()));
        var body = await against.Json();
        Assert.True(body.TryGetProperty("against", out _), body.GetRawText());
        var divergence = body.GetProperty("against").GetProperty("firstDivergence");
        Assert.Equal(($"resident-{residentId}", 0L), (divergence.Str("stream"), divergence.GetProperty("revision").GetInt64()));
        Assert.Equal(1, code);
        Assert.Contains($"BROKEN resident-{residentId} at revision 0", output, StringComparison.Ordinal);
        Assert.Contains("DIVERGES from", output, StringComparison.Ordinal);
        var everything = output + await plain.Content.ReadAsStringAsync() + await against.Content.ReadAsStringAsync();
        Assert.DoesNotContain("明", everything, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonSerializer.Serialize(Name).Trim('"'), everything, StringComparison.OrdinalIgnoreCase);
    }
}
