using System.Text.Json;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Households;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;

namespace Affairs.Workflows.Tests.Cases;

/// <summary>
/// A small centre on a fresh engine: the dibao post with A (s-a) and B (s-b), the supervisor (s-boss), grid g-01
/// (worker s-gw, backup s-gb), the 2026 dibao line of 800, and one household headed by a registered resident.
/// </summary>
public sealed class Centre : IAsyncDisposable
{
    public static readonly Actor A = Actor.Of("s-a", ActorRoles.Caseworker);
    public static readonly Actor B = Actor.Of("s-b", ActorRoles.Caseworker);
    public static readonly Actor Other = Actor.Of("s-x", ActorRoles.Caseworker);
    public static readonly Actor Boss = Actor.Of("s-boss", ActorRoles.Caseworker, ActorRoles.Supervisor);
    public static readonly Actor Admin = Actor.Of("admin", ActorRoles.Administrator);

    private Centre(Engine engine) => Engine = engine;

    public Engine Engine { get; }

    public string HouseholdId { get; private set; } = string.Empty;

    public string ResidentId { get; private set; } = string.Empty;

    public static async Task<Centre> OpenAsync(Engine? engine = null)
    {
        var centre = new Centre(engine ?? new Engine());
        await centre.SeedAsync();
        return centre;
    }

    private async Task SeedAsync()
    {
        await Engine.StartAsync();
        var send = Engine.Mediator;
        foreach (var id in new[] { "s-a", "s-b", "s-x", "s-boss", "s-gw", "s-gb" })
        {
            await send.Send(new RegisterStaff(id, "某人", Engine.As(Admin)));
        }

        await send.Send(new DefinePost("dibao", "低保岗", ["dibao"], 1, Engine.As(Admin)));
        await send.Send(new AssignPostHolders("dibao", "s-a", "s-b", "initial assignment", Engine.As(Admin)));
        await send.Send(new AppointSupervisor("s-boss", Engine.As(Admin)));
        await send.Send(new DefineGrid("g-01", "第一网格", "s-gw", "s-gb", Engine.As(Admin)));
        await Engine.Mediator.Send(new PublishPolicyParameters(
            "dibao", 1, new DateOnly(2026, 1, 1), new Dictionary<string, JsonElement> { ["dibaoLine"] = JsonSerializer.SerializeToElement(800m) }, Engine.As(Admin)));
        var resident = await send.Send(new RegisterResident("11010519491231002X", "张三", "13800138000", "东门街道 1 号", "g-01", null, null, Engine.As(A)));
        ResidentId = resident.ResidentId;
        HouseholdId = (await send.Send(new RegisterHousehold(ResidentId, "东门街道 1 号", "g-01", Engine.As(A)))).HouseholdId;
    }

    public async ValueTask DisposeAsync() => await Engine.DisposeAsync();
}
