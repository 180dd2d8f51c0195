using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Policies;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Publishing;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class PolicyCatalogTests : StoreTest
{
    private static PolicyParameterSet Jinghu(int version, string effectiveFrom, decimal dibaoLine) => new()
    {
        Id = "jinghu",
        Version = version,
        EffectiveFrom = DateOnly.Parse(effectiveFrom, System.Globalization.CultureInfo.InvariantCulture),
        Values = new Dictionary<string, JsonElement> { ["dibaoLine"] = JsonSerializer.SerializeToElement(dibaoLine) },
    };

    [Fact]
    public async Task the_version_in_force_on_the_decision_date_is_the_one_guards_see()
    {
        var catalog = new PolicyCatalog(Temp.Open());
        await catalog.PublishAsync(Jinghu(1, "2025-07-01", 850m), "admin-1");
        await catalog.PublishAsync(Jinghu(2, "2026-01-01", 880m), "admin-1");
        var reloaded = new PolicyCatalog(Temp.Open());
        await reloaded.LoadAsync();

        Assert.Null(reloaded.InForce("jinghu", new DateOnly(2025, 6, 30)));
        Assert.Equal(1, reloaded.InForce("jinghu", new DateOnly(2025, 12, 31))!.Version);
        Assert.Equal(2, reloaded.InForce("jinghu", new DateOnly(2026, 1, 1))!.Version);

        var dibao = Definitions.Compile("dibao");
        var data = new Dictionary<string, FieldValue>(Scenarios.Data(dibao)) { ["monthlyIncomePerPerson"] = FieldValue.Number(860m) };
        string? Decide(DateOnly day) => dibao.CreateMachine(
                Scenarios.In(dibao, "first-review") with { Data = data },
                Scenarios.Everyone,
                dibao.BindParameters(reloaded.InForce("jinghu", day)),
                new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)))
            .Answer("pass-first-review").Destination;
        Assert.Null(Decide(new DateOnly(2025, 12, 31)));
        Assert.Equal("public-notice", Decide(new DateOnly(2026, 1, 5)));
    }

    [Fact]
    public async Task a_published_policy_version_is_never_changed()
    {
        var catalog = new PolicyCatalog(Temp.Open());
        await catalog.PublishAsync(Jinghu(1, "2026-01-01", 880m), "admin-1");
        await catalog.PublishAsync(Jinghu(1, "2026-01-01", 880m), "admin-1");

        await Assert.ThrowsAsync<VersionConflictException>(() => catalog.PublishAsync(Jinghu(1, "2026-01-01", 900m), "admin-1"));
        var reloaded = new PolicyCatalog(Temp.Open());
        await reloaded.LoadAsync();
        Assert.Single(reloaded.Timeline("jinghu").Versions);
    }

    [Fact]
    public void a_parameter_missing_from_the_set_in_force_is_a_guard_error_not_a_silent_pass()
    {
        var dibao = Definitions.Compile("dibao");
        var parameters = dibao.BindParameters(new PolicyParameterSet { Id = "jinghu", Version = 1, EffectiveFrom = new DateOnly(2026, 1, 1) });
        var machine = dibao.CreateMachine(Scenarios.In(dibao, "first-review"), Scenarios.Everyone, parameters, Scenarios.DecisionTime);

        Assert.Equal(RefusalCodes.GuardError, machine.Answer("pass-first-review").Refusals.Single().Code);
    }
}
