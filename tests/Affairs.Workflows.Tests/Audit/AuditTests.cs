using System.Text.Json;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Ledger;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Affairs.Workflows.Tests.Audit;

public sealed class AuditTests : IAsyncLifetime
{
    private Centre _centre = null!;
    private Casework _steps = null!;

    private Engine Engine => _centre.Engine;

    public async Task InitializeAsync()
    {
        _centre = await Centre.OpenAsync();
        _steps = new Casework(_centre);
    }

    public async Task DisposeAsync() => await _centre.DisposeAsync();

    [Fact]
    public async Task replay_to_a_revision_gives_the_whole_state_then_with_who_was_responsible_and_what_was_permitted()
    {
        var caseId = await _steps.AcceptedDibaoAsync();
        var acceptedAt = (await Engine.Mediator.Send(new GetCase(caseId))).Revision;
        await _steps.InvestigateAsync(caseId, Centre.A);

        var then = await Engine.Mediator.Send(new GetCase(caseId, AtRevision: acceptedAt));
        var now = await Engine.Mediator.Send(new GetCase(caseId));

        Assert.Equal(("investigation", "s-a", ActingRole.A), (then.State, then.Responsible!.StaffId, then.Responsible.Role));
        Assert.Contains(then.PermittedTriggers, t => t.Trigger == "record-data-check");
        Assert.False(then.Data.ContainsKey("monthlyIncomePerPerson"));
        Assert.Equal(("first-review", "s-boss"), (now.State, now.Responsible!.StaffId));
    }

    [Fact]
    public async Task replay_to_a_moment_uses_the_organisation_as_it_stood_then()
    {
        var caseId = await _steps.AcceptedDibaoAsync();
        Engine.Clock.Advance(TimeSpan.FromHours(1));
        var beforeLeave = Engine.Clock.GetUtcNow();
        Engine.Clock.Advance(TimeSpan.FromHours(1));
        await Engine.Mediator.Send(new RegisterAbsence("s-a", Engine.Clock.GetUtcNow(), Engine.Clock.GetUtcNow().AddDays(1), AbsenceKind.Leave, Engine.As(Centre.Admin)));

        var then = await Engine.Mediator.Send(new GetCase(caseId, At: beforeLeave));
        var now = await Engine.Mediator.Send(new GetCase(caseId));

        Assert.Equal("s-a", then.Responsible!.StaffId);
        Assert.Equal(("s-b", (TakeoverReason?)TakeoverReason.AAbsent), (now.Responsible!.StaffId, now.Responsible.Reason));
    }

    [Fact]
    public async Task replay_never_re_evaluates_guards_so_a_stricter_policy_today_changes_nothing()
    {
        var caseId = await _steps.AcceptedDibaoAsync();
        await _steps.InvestigateAsync(caseId, Centre.A, incomePerPerson: 700m);
        await _steps.FireAsync(caseId, "pass-first-review", Centre.Boss);
        var before = await Engine.Mediator.Send(new GetCase(caseId));

        // The line drops below this household's income: passing first review would now be refused.
        await Engine.Mediator.Send(new PublishPolicyParameters(
            "dibao", 2, new DateOnly(2026, 3, 1), new Dictionary<string, JsonElement> { ["dibaoLine"] = JsonSerializer.SerializeToElement(600m) }, Engine.As(Centre.Admin)));
        var after = await Engine.Mediator.Send(new GetCase(caseId));

        Assert.Equal(("public-notice", "public-notice"), (before.State, after.State));
        Assert.Equal(before.Data.Keys.Order(), after.Data.Keys.Order());
    }

    [Fact]
    public async Task the_timeline_says_who_acted_as_A_or_B_why_and_under_which_version()
    {
        var caseId = await _steps.AcceptedDibaoAsync();
        var now = Engine.Clock.GetUtcNow();
        await Engine.Mediator.Send(new RegisterAbsence("s-a", now, now.AddDays(1), AbsenceKind.BusinessTrip, Engine.As(Centre.Admin)));
        await _steps.FireAsync(caseId, "record-data-check", Centre.B, new() { ["dataCheckReportNo"] = "HC-2026-001", ["monthlyIncomePerPerson"] = 500m });

        var timeline = await Engine.Mediator.Send(new GetCaseHistory(caseId));

        Snapshot.Match(timeline.Select(e => new { e.Revision, e.Kind, e.ActorId, e.ActingRole, e.ActingReason, e.Trigger, e.From, e.To, e.Fields, e.DefinitionVersion, e.Summary }));
    }

    [Fact]
    public async Task verify_finds_an_event_edited_directly_in_the_sqlite_file()
    {
        var caseId = await _steps.AcceptedDibaoAsync();
        Assert.True((await Engine.Mediator.Send(new VerifyCase(caseId))).Valid);

        await using (var connection = new SqliteConnection($"Data Source={Engine.DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = """
                UPDATE events SET data = CAST(replace(CAST(data AS TEXT), '"householdSize":3', '"householdSize":4') AS BLOB)
                WHERE stream_id = (SELECT id FROM streams WHERE name = $stream) AND type = 'case.transitioned.v1'
                """;
            edit.Parameters.AddWithValue("$stream", $"case-{caseId}");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var check = await Engine.Mediator.Send(new VerifyCase(caseId));
        var all = await Engine.Services.GetRequiredService<ChainVerifier>().VerifyCategoryAsync("case");

        Assert.False(check.Valid);
        Assert.Equal(5, check.FirstBrokenRevision);
        Assert.Equal($"case-{caseId}", Assert.Single(all.Broken).Stream);
    }

    [Fact]
    public async Task verify_finds_the_last_event_of_a_case_deleted_after_a_recorded_ledger_digest_saw_it()
    {
        var caseId = await _steps.AcceptedDibaoAsync();
        var last = (await Engine.Mediator.Send(new GetCase(caseId))).Revision;
        Engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await Engine.Mediator.Send(new RecordLedgerDigest(1000, TimeSpan.FromSeconds(1), Engine.As(Actor.System)));

        await DeleteAsync($"case-{caseId}", last);
        var check = await Engine.Mediator.Send(new VerifyCase(caseId));

        Assert.False(check.Valid);
        Assert.Equal((last, (long?)last), (check.CoveredBy!.Revision, check.FirstBrokenRevision));
        Assert.Contains($"Revision {last} is missing", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task without_a_recorded_ledger_digest_a_case_that_lost_its_last_event_still_verifies_and_says_nothing_covers_it()
    {
        var caseId = await _steps.AcceptedDibaoAsync();
        var last = (await Engine.Mediator.Send(new GetCase(caseId))).Revision;

        await DeleteAsync($"case-{caseId}", last);
        var check = await Engine.Mediator.Send(new VerifyCase(caseId));

        Assert.True(check.Valid);
        Assert.Null(check.CoveredBy);
    }

    [Fact]
    public async Task verifying_the_ledger_finds_an_edited_resident_which_the_case_check_never_reads()
    {
        await _steps.AcceptedDibaoAsync();
        await using (var connection = new SqliteConnection($"Data Source={Engine.DatabaseFile}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            edit.CommandText = """
                UPDATE events SET data = CAST(replace(CAST(data AS TEXT), '13800138000', '13900139000') AS BLOB)
                WHERE stream_id = (SELECT id FROM streams WHERE name = $stream) AND revision = 0
                """;
            edit.Parameters.AddWithValue("$stream", $"resident-{_centre.ResidentId}");
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var cases = await Engine.Services.GetRequiredService<ChainVerifier>().VerifyCategoryAsync("case");
        var ledger = await Engine.Mediator.Send(new VerifyLedger());

        Assert.Empty(cases.Broken);
        Assert.Equal(($"resident-{_centre.ResidentId}", (long?)0), (Assert.Single(ledger.Broken).Stream, ledger.Broken[0].FirstBrokenRevision));
        Assert.Contains("resident", ledger.StreamsByCategory.Keys);
    }

    [Fact]
    public async Task a_whole_chain_verifies_for_every_case()
    {
        await _steps.AcceptedDibaoAsync();
        await _steps.AcceptedDibaoAsync();

        var all = await Engine.Services.GetRequiredService<ChainVerifier>().VerifyCategoryAsync("case");

        Assert.Equal(2, all.Streams);
        Assert.Empty(all.Broken);
        Assert.True(all.Events >= 14);
    }

    private async Task DeleteAsync(string stream, long revision)
    {
        await using var connection = new SqliteConnection($"Data Source={Engine.DatabaseFile}");
        await connection.OpenAsync();
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM events WHERE stream_id = (SELECT id FROM streams WHERE name = $stream) AND revision = $revision";
        delete.Parameters.AddWithValue("$stream", stream);
        delete.Parameters.AddWithValue("$revision", revision);
        Assert.Equal(1, await delete.ExecuteNonQueryAsync());
    }
}
