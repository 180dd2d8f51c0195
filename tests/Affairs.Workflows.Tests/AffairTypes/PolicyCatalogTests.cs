using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Policies;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Events;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Publishing;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.AffairTypes;

public sealed class PolicyCatalogTests : IAsyncLifetime
{
    private static readonly Actor Admin = Actor.Of("admin-1", ActorRoles.Administrator);
    private readonly Engine _engine = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private Task<PolicyRevision> Jinghu(int version, string effectiveFrom, decimal dibaoLine) => _engine.Mediator.Send(new PublishPolicyParameters(
        "jinghu",
        version,
        DateOnly.Parse(effectiveFrom, System.Globalization.CultureInfo.InvariantCulture),
        new Dictionary<string, JsonElement> { ["dibaoLine"] = JsonSerializer.SerializeToElement(dibaoLine) },
        _engine.As(Admin))).AsTask();

    private async Task<PolicyCatalog> ReloadedAsync()
    {
        var reloaded = new PolicyCatalog(_engine.Store);
        await reloaded.LoadAsync();
        return reloaded;
    }

    [Fact]
    public async Task a_value_the_affair_type_declares_reads_as_its_type_and_one_it_does_not_is_a_plain_value()
    {
        await _engine.StartAsync();
        Task<PolicyRevision> Publish(int version, string values) => _engine.Mediator.Send(new PublishPolicyParameters(
            "dibao", version, new DateOnly(2027, 1, 1), JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(values)!, _engine.As(Admin))).AsTask();

        var refused = await Assert.ThrowsAsync<CommandRejectedException>(() => Publish(1, """{ "dibaoLine": { "a": [1] }, "note": { "x": 1 }, "张三 13800138000": [] }"""));
        var missing = await Assert.ThrowsAsync<CommandRejectedException>(() => Publish(1, """{ "dibaoLine": null }"""));
        var published = await Publish(1, """{ "dibaoLine": 900, "note": "the 2027 line" }""");

        var errors = (IReadOnlyDictionary<string, string[]>)refused.Details["errors"]!;
        Assert.Equal(["values", "values.dibaoLine", "values.note"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("decimal", Assert.Single(errors["values.dibaoLine"]), StringComparison.Ordinal);
        Assert.Equal(["values.dibaoLine"], ((IReadOnlyDictionary<string, string[]>)missing.Details["errors"]!).Keys);
        Assert.Equal(1, published.Version);
    }

    [Fact]
    public async Task the_version_in_force_on_the_decision_date_is_the_one_guards_see()
    {
        await Jinghu(1, "2025-07-01", 850m);
        await Jinghu(2, "2026-01-01", 880m);
        var reloaded = await ReloadedAsync();

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
        var first = await Jinghu(1, "2026-01-01", 880m);
        var again = await Jinghu(1, "2026-01-01", 880m);

        var conflict = await Assert.ThrowsAsync<CommandRejectedException>(() => Jinghu(1, "2026-01-01", 900m));
        Assert.Equal((RejectionKind.Conflict, PublishedVersions.ConflictCode), (conflict.Kind, conflict.Code));
        Assert.Equal(first, again);
        Assert.Single((await ReloadedAsync()).Timeline("jinghu").Versions);
        Assert.Equal(880m, _engine.Services.GetRequiredService<PolicyCatalog>().InForce("jinghu", new DateOnly(2026, 3, 9))!.Values["dibaoLine"].GetDecimal());
    }

    [Fact]
    public async Task a_policy_version_carries_its_actor_and_correlation_and_its_place_in_the_chain()
    {
        await Jinghu(1, "2025-07-01", 850m);
        await Jinghu(2, "2026-01-01", 880m);

        var codec = _engine.Services.GetRequiredService<EventCodec>();
        var events = new List<DecodedEvent>();
        await foreach (var recorded in _engine.Store.ReadStreamAsync(PolicyCatalog.StreamFor("jinghu"), ReadDirection.Forwards, 0, 100))
        {
            events.Add(codec.Decode(recorded));
        }

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(("admin-1", "corr-test"), (e.Metadata.ActorId, e.Metadata.CorrelationId)));
        var check = await _engine.Services.GetRequiredService<ChainVerifier>().VerifyAsync(PolicyCatalog.StreamFor("jinghu"));
        Assert.True(check.Valid, check.Problem);
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
