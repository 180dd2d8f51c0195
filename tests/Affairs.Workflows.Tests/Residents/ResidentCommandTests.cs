using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Households;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Residents;

public sealed class ResidentCommandTests : IAsyncLifetime
{
    private const string ZhangSan = "11010519491231002X";
    private static readonly Actor Clerk = Actor.Of("s-01", ActorRoles.Caseworker);
    private static readonly Actor Admin = Actor.Of("s-admin", ActorRoles.Administrator);
    private readonly Engine _engine = new();

    public async Task InitializeAsync()
    {
        foreach (var id in new[] { "s-gw", "s-gb" })
        {
            await _engine.Mediator.Send(new RegisterStaff(id, "某人", _engine.As(Admin)));
        }

        await _engine.Mediator.Send(new DefineGrid("g-01", "第一网格", "s-gw", "s-gb", _engine.As(Admin)));
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task a_resident_is_registered_with_gender_and_birth_date_from_the_identity_number()
    {
        var registered = await Register(ZhangSan);

        var resident = await Load(registered.ResidentId);
        Assert.Equal(Gender.Female, resident.Gender);
        Assert.Equal(new DateOnly(1949, 12, 31), resident.BirthDate);
        Assert.Equal(ResidentStatus.Active, resident.Status);
        Assert.Equal(0, registered.Revision);
    }

    [Fact]
    public async Task a_second_registration_of_the_same_number_is_refused_naming_the_existing_resident()
    {
        var first = await Register(ZhangSan);

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await Register(ZhangSan.ToLowerInvariant()));

        Assert.Equal("resident.duplicate", error.Code);
        Assert.Equal(RejectionKind.Conflict, error.Kind);
        Assert.Equal(first.ResidentId, error.Details["existingResidentId"]);
    }

    [Fact]
    public async Task concurrent_registrations_of_one_number_record_exactly_one_resident()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            try
            {
                return (await Register(ZhangSan)).ResidentId;
            }
            catch (CommandRejectedException error) when (error.Code == "resident.duplicate")
            {
                return null;
            }
        }));

        Assert.Single(attempts, id => id is not null);
    }

    [Fact]
    public async Task every_problem_with_a_registration_is_reported_at_once()
    {
        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(
            new RegisterResident("110105194912310021", " ", "12345", null, null, Gender.Male, null, _engine.As(Clerk))));

        var errors = Assert.IsType<IReadOnlyDictionary<string, string[]>>(error.Details["errors"], exactMatch: false);
        Assert.Equal(["identityNumber", "name", "phone"], errors.Keys.Order());
        Assert.DoesNotContain("110105194912310021", error.Message + string.Join(" ", errors.Values.SelectMany(v => v)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_declared_gender_that_contradicts_the_number_is_refused()
    {
        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () => await _engine.Mediator.Send(
            new RegisterResident(ZhangSan, "张三", null, null, null, Gender.Male, new DateOnly(1949, 12, 30), _engine.As(Clerk))));

        var errors = (IReadOnlyDictionary<string, string[]>)error.Details["errors"]!;
        Assert.Equal(["birthDate", "gender"], errors.Keys.Order());
    }

    [Fact]
    public async Task a_deceased_resident_is_kept_and_refuses_further_changes()
    {
        var registered = await Register(ZhangSan);
        await _engine.Mediator.Send(new RecordResidentDeath(registered.ResidentId, new DateOnly(2026, 3, 1), "family", _engine.As(Clerk)));

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new ChangeResidentContact(registered.ResidentId, "13800138000", null, null, _engine.As(Clerk))));

        Assert.Equal("resident.not-active", error.Code);
        Assert.Equal(ResidentStatus.Deceased, (await Load(registered.ResidentId)).Status);
    }

    [Fact]
    public async Task a_stale_expected_revision_is_a_conflict_carrying_the_current_revision()
    {
        var registered = await Register(ZhangSan);
        await _engine.Mediator.Send(new ChangeResidentContact(registered.ResidentId, "13800138000", null, 0, _engine.As(Clerk)));

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new ChangeResidentContact(registered.ResidentId, "13900139000", null, 0, _engine.As(Clerk))));

        Assert.Equal("concurrency.conflict", error.Code);
        Assert.Equal(1L, error.Details["currentRevision"]);
    }

    [Fact]
    public async Task the_same_idempotency_key_and_payload_returns_the_first_answer_without_writing_again()
    {
        var first = await _engine.Mediator.Send(new RegisterResident(ZhangSan, "张三", null, null, null, null, null, _engine.As(Clerk, "key-1")));
        var retry = await _engine.Mediator.Send(new RegisterResident(ZhangSan, "张三", null, null, null, null, null, _engine.As(Clerk, "key-1")));

        Assert.Equal(first, retry);
        Assert.Equal(0, (await _engine.Services.GetRequiredService<StreamRepository>().LoadAsync(ResidentStreams.For(first.ResidentId), ResidentStreams.Fold)).Revision);
    }

    [Fact]
    public async Task the_same_idempotency_key_with_another_payload_is_refused()
    {
        await _engine.Mediator.Send(new RegisterResident(ZhangSan, "张三", null, null, null, null, null, _engine.As(Clerk, "key-2")));

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new RegisterResident(ZhangSan, "李四", null, null, null, null, null, _engine.As(Clerk, "key-2"))));

        Assert.Equal("idempotency.key-reused", error.Code);
    }

    [Fact]
    public async Task a_household_keeps_its_members_and_its_head_cannot_leave_first()
    {
        var head = await Register(ZhangSan);
        var child = await Register("110105201003070017");
        var household = await _engine.Mediator.Send(new RegisterHousehold(head.ResidentId, "东门街道 1 号", "g-01", _engine.As(Clerk)));
        await _engine.Mediator.Send(new AddHouseholdMember(household.HouseholdId, child.ResidentId, "child", null, _engine.As(Clerk)));

        var error = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new RemoveHouseholdMember(household.HouseholdId, head.ResidentId, "moved", null, _engine.As(Clerk))));
        await _engine.Mediator.Send(new ChangeHouseholdHead(household.HouseholdId, child.ResidentId, null, _engine.As(Clerk)));
        await _engine.Mediator.Send(new RemoveHouseholdMember(household.HouseholdId, head.ResidentId, "moved", null, _engine.As(Clerk)));

        Assert.Equal("household.head-cannot-leave", error.Code);
        var loaded = await _engine.Services.GetRequiredService<StreamRepository>().LoadAsync(HouseholdStreams.For(household.HouseholdId), HouseholdStreams.Fold);
        Assert.Equal(child.ResidentId, loaded.State.HeadResidentId);
        Assert.Equal([child.ResidentId], loaded.State.Members.Select(m => m.ResidentId));
    }

    [Fact]
    public async Task a_grid_the_organisation_does_not_define_is_refused_naming_the_field()
    {
        var registered = await Register(ZhangSan);

        var onRegister = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new RegisterResident("110105201003070017", "李四", null, null, "g-99", null, null, _engine.As(Clerk))));
        var onHousehold = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new RegisterHousehold(registered.ResidentId, null, "g-99", _engine.As(Clerk))));
        var onAssign = await Assert.ThrowsAsync<CommandRejectedException>(async () =>
            await _engine.Mediator.Send(new AssignResidentGrid(registered.ResidentId, "g-99", _engine.As(Clerk))));

        Assert.All([onRegister, onHousehold, onAssign], e => Assert.True(((IReadOnlyDictionary<string, string[]>)e.Details["errors"]!).ContainsKey("gridId")));
    }

    private Task<ResidentRevision> Register(string number) =>
        _engine.Mediator.Send(new RegisterResident(number, "张三", "13800138000", null, "g-01", null, null, _engine.As(Clerk))).AsTask();

    private async Task<Resident> Load(string residentId) =>
        (await _engine.Services.GetRequiredService<StreamRepository>().LoadAsync(ResidentStreams.For(residentId), ResidentStreams.Fold)).State;
}
