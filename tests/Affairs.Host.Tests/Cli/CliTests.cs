using Affairs.Host.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Cli;

/// <summary>The commands of the same executable, run against the seeded host's own store.</summary>
[Collection(HostCollection.Name)]
public sealed class CliTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task replay_prints_a_case_as_it_stood_at_a_revision()
    {
        var caseId = await _centre.OpenAndAccept();

        var (code, output) = await Run("replay", caseId, "--revision", "0");

        Assert.Equal(0, code);
        Assert.Contains("\"state\": \"application\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task replay_takes_revision_equals_n_as_the_option_not_as_configuration()
    {
        var caseId = await _centre.OpenAndAccept();

        var (code, output) = await Run("replay", caseId, "--revision=0");
        var (latest, latestOutput) = await Run("replay", caseId);

        Assert.Equal((0, 0), (code, latest));
        Assert.Contains("\"state\": \"application\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"state\": \"application\"", latestOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task verify_checks_one_case_and_every_case()
    {
        var caseId = await _centre.OpenAndAccept();

        var (one, oneOutput) = await Run("verify", caseId);
        var (all, allOutput) = await Run("verify", "--all");

        Assert.Equal((0, 0), (one, all));
        Assert.Contains("chain intact", oneOutput, StringComparison.Ordinal);
        Assert.Contains(", 0 broken.", allOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task digest_prints_a_ledger_digest_that_verify_all_proves_still_holds_after_more_events()
    {
        await _centre.OpenAndAccept();
        var file = Path.Combine(host.DataFolder, $"digest-{Guid.NewGuid():N}.json");

        var (digest, json) = await Run("digest");
        await File.WriteAllTextAsync(file, json);
        await _centre.NewResident();
        var (verify, output) = await Run("verify", "--all", "--against", file);

        Assert.Equal((0, 0), (digest, verify));
        Assert.Contains("\"format\": \"affairs.ledger-digest.v1\"", json, StringComparison.Ordinal);
        Assert.Matches(@"\(affairtype \d+, apikeys \d+, calendar \d+, case \d+, household \d+, (idempotency \d+, )?organisation \d+, policy \d+, resident \d+\)", output);
        Assert.Matches(@"MATCHES .*: all \d+ events through position \d+ are there, unchanged; [1-9]\d* appended since\.", output);
    }

    [Fact]
    public async Task define_validates_a_definition_and_lists_every_problem_with_its_path()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "temporary-assistance.json");
        var broken = Path.Combine(host.DataFolder, "broken.json");
        await File.WriteAllTextAsync(broken, """{ "id": "broken", "version": 1, "subject": "person", "initialState": "a", "states": [ { "name": "a", "handler": "nobody" } ], "transitions": [] }""");

        var (valid, validOutput) = await Run("define", sample);
        var (invalid, invalidOutput) = await Run("define", broken);

        Assert.Equal((0, 1), (valid, invalid));
        Assert.Contains("temporary-assistance version 1 is valid", validOutput, StringComparison.Ordinal);
        Assert.Contains("$.states[0].handler", invalidOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task define_publish_writes_the_version_by_the_publish_command_as_the_cli_administrator()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "samples", "temporary-assistance.json"));
        var file = Path.Combine(host.DataFolder, "wp-cli.json");
        await File.WriteAllTextAsync(file, sample.Replace("\"id\": \"temporary-assistance\"", "\"id\": \"wp-cli\"", StringComparison.Ordinal));

        var (first, firstOutput) = await Run("define", file, "--publish");
        var (again, _) = await Run("define", file, "--publish");

        Assert.Equal((0, 0), (first, again));
        Assert.Contains("Published wp-cli version 1", firstOutput, StringComparison.Ordinal);
        var stream = Workflows.AffairTypes.AffairTypeCatalog.StreamFor("wp-cli");
        var codec = host.Services.GetRequiredService<Workflows.Events.EventCodec>();
        var published = Assert.Single(await host.Store.ReadStreamAsync(stream, EventStore.ReadDirection.Forwards, 0, long.MaxValue).ToListAsync());
        Assert.Equal("cli", codec.Decode(published).Metadata.ActorId);
        Assert.True((await host.Services.GetRequiredService<Workflows.Audit.ChainVerifier>().VerifyAsync(stream)).Valid);
    }

    [Fact]
    public async Task import_registers_each_good_line_and_reports_each_bad_one_by_line_without_personal_data()
    {
        var csv = Path.Combine(host.DataFolder, "residents.csv");
        var good = Api.NewIdentityNumber();
        await File.WriteAllLinesAsync(csv, ["identityNumber,name,phone,address,gridId", $"{good},\"王, 五\",13800000001,东门街道 3 号,g-01", "420802195304120318,赵六,,,g-01", $"{Api.NewIdentityNumber()},,,,g-01"]);

        var (code, output) = await Run("import", "residents", csv);

        Assert.Equal(1, code);
        Assert.Contains("1 imported, 2 refused.", output, StringComparison.Ordinal);
        Assert.Contains("line 3: identityNumber:", output, StringComparison.Ordinal);
        Assert.Contains("line 4: name:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("赵六", output, StringComparison.Ordinal);
        var found = await _centre.A.Post("/api/residents/lookup", new { identityNumber = good }).Json();
        Assert.Equal("王, 五", (await _centre.A.GetAsync($"/api/residents/{found.Str("residentId")}").Json()).GetProperty("resident").Str("name"));
    }

    [Fact]
    public async Task import_reads_quoted_line_breaks_a_byte_order_mark_and_crlf_and_numbers_refusals_by_the_line_a_record_starts_on()
    {
        var csv = Path.Combine(host.DataFolder, $"residents-{Guid.NewGuid():N}.csv");
        var good = Api.NewIdentityNumber();
        var text = $"identityNumber,name,address\r\n{good},\"钱 \"\"小\"\" 七\",\"东门街道\r\n3 号\"\r\n{Api.NewIdentityNumber()},,\"西门\r\n5 号\"\r\n";
        await File.WriteAllTextAsync(csv, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var (code, output) = await Run("import", "residents", csv);

        Assert.Equal(1, code);
        Assert.Contains("1 imported, 1 refused.", output, StringComparison.Ordinal);
        Assert.Contains("line 4: name:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("西门", output, StringComparison.Ordinal);
        var found = await _centre.A.Post("/api/residents/lookup", new { identityNumber = good }).Json();
        var resident = (await _centre.A.GetAsync($"/api/residents/{found.Str("residentId")}").Json()).GetProperty("resident");
        Assert.Equal(("钱 \"小\" 七", "东门街道\n3 号"), (resident.Str("name"), resident.Str("address")));
    }

    [Fact]
    public async Task import_refuses_a_file_with_an_unterminated_quote_by_its_line_without_its_text_and_imports_nothing()
    {
        var csv = Path.Combine(host.DataFolder, $"residents-{Guid.NewGuid():N}.csv");
        var first = Api.NewIdentityNumber();
        await File.WriteAllLinesAsync(csv, ["identityNumber,name", $"{first},孙八", $"{Api.NewIdentityNumber()},\"周九", $"{Api.NewIdentityNumber()},吴十"]);

        var (code, output, error) = await host.RunCliWithErrorsAsync("import", "residents", csv);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("line 3: a quoted field is not closed; nothing was imported.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("周九", error, StringComparison.Ordinal);
        var found = await _centre.A.Post("/api/residents/lookup", new { identityNumber = first }).Json();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _centre.A.GetAsync($"/api/residents/{found.Str("residentId")}")).StatusCode);
    }

    [Fact]
    public async Task rebuild_replays_every_event_into_the_read_models_and_stats_prints_the_report()
    {
        await _centre.OpenAndAccept();

        var (rebuild, rebuildOutput) = await Run("rebuild");
        var (stats, statsOutput) = await Run("stats", "--from", "2026-01-01", "--to", "2026-12-31", "--type", "dibao");
        var (quarters, quartersOutput) = await Run("stats", "--from=2026-01-01", "--to=2026-12-31", "--period=Quarter");

        Assert.Equal((0, 0, 0), (rebuild, stats, quarters));
        Assert.Contains("by quarter", quartersOutput, StringComparison.Ordinal);
        Assert.Matches(@"Read models rebuilt from \d+ events; checkpoint \d+\.", rebuildOutput);
        Assert.Contains("dibao", statsOutput, StringComparison.Ordinal);
        Assert.Contains("2026-01-01", statsOutput, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output)> Run(params string[] args) => host.RunCliAsync(args);
}
