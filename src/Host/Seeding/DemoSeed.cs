using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Domain.Staffing;
using Affairs.Host.Security;
using Affairs.Workflows.ApiKeys;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Households;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Mediator;

namespace Affairs.Host.Seeding;

/// <summary>
/// The demo centre of the seed report, entered through the ordinary commands: 21 staff; the dibao, insurance,
/// certification and elderly-care posts, each with its A and B holder; the section head; six grids with their workers
/// and backups; the 2026 policy parameters; a handful of residents and households; and the demo API keys, issued as
/// events like any other key. Parts that already exist are left alone, so it can run again.
/// </summary>
internal sealed class DemoSeed(IMediator mediator, OrganisationDirectory directory, PolicyCatalog policies, ResidentPseudonym pseudonym, ApiKeyIndex keys)
{
    private static readonly Actor Admin = Actor.Of("admin", ActorRoles.Administrator);
    private static readonly Actor Counter = Actor.Of("s-counter-1", ActorRoles.Caseworker);

    private static readonly (string Id, string Name)[] Staff =
    [
        ("s-head", "周建国"), ("s-dibao-a", "李秀英"), ("s-dibao-b", "王海燕"), ("s-ins-a", "张伟"), ("s-ins-b", "刘洋"),
        ("s-cert-a", "陈静"), ("s-cert-b", "杨帆"), ("s-care-a", "赵丽"), ("s-care-b", "黄磊"), ("s-grid-1", "吴敏"),
        ("s-grid-2", "徐强"), ("s-grid-3", "孙娟"), ("s-grid-4", "马超"), ("s-grid-5", "朱琳"), ("s-grid-6", "胡斌"),
        ("s-counter-1", "郭芳"), ("s-counter-2", "何勇"), ("s-archive", "高红"), ("s-care-c", "林涛"), ("s-care-d", "罗梅"),
        ("s-care-e", "梁杰"),
    ];

    public static readonly (string Id, string Name, string[] Types, string A, string B)[] Posts =
    [
        ("dibao", "低保岗", ["dibao", "temporary-assistance"], "s-dibao-a", "s-dibao-b"),
        ("insurance", "医保岗", ["medical-insurance"], "s-ins-a", "s-ins-b"),
        ("certification", "社保认证岗", ["retiree-certification"], "s-cert-a", "s-cert-b"),
        ("eldercare", "居家养老岗", ["home-elderly-care"], "s-care-a", "s-care-b"),
    ];

    /// <summary>The six grids: grid n's worker is <c>s-grid-n</c>, and its backup the worker of its neighbour (1 and 2, 3 and 4, 5 and 6).</summary>
    public static readonly (string Id, string Name, string Worker, string Backup)[] Grids =
    [
        .. Enumerable.Range(1, 6).Select(n => ($"g-0{n}", $"第{n}网格", $"s-grid-{n}", $"s-grid-{(n % 2 == 1 ? n + 1 : n - 1)}")),
    ];

    /// <summary>Identity number, name, phone, address, grid, household number (0 = none).</summary>
    private static readonly (string IdentityNumber, string Name, string Phone, string Address, string Grid, int Household)[] Residents =
    [
        ("420802195304120317", "钱德明", "13907160001", "东门街道幸福路 12 号 3 单元 201", "g-01", 1),
        ("420802195809230423", "钱桂兰", "13907160002", "东门街道幸福路 12 号 3 单元 201", "g-01", 1),
        ("420802197506010510", "孙建华", "13907160003", "东门街道和平里 5 栋 102", "g-02", 2),
        ("420802197803150624", "孙丽", "13907160004", "东门街道和平里 5 栋 102", "g-02", 2),
        ("420802200507200732", "孙小军", "13907160005", "东门街道和平里 5 栋 102", "g-02", 2),
        ("420802194101050844", "郑秀珍", "13907160006", "东门街道南湖巷 8 号", "g-03", 3),
        ("420802196208110113", "冯国强", "13907160007", "东门街道北街 21 号", "g-04", 0),
        ("420802198802020267", "蔡晓燕", "13907160008", "东门街道东园小区 9 栋 603", "g-05", 0),
    ];

    public async Task RunAsync(CancellationToken ct)
    {
        await OrganisationAsync(ct);
        await PoliciesAsync(ct);
        await ResidentsAsync(ct);
        await KeysAsync(ct);
    }

    /// <summary>Issues the demo keys through the same command as any key, with the hashes of their well-known secrets.</summary>
    private async Task KeysAsync(CancellationToken ct)
    {
        await keys.RefreshAsync(ct);
        foreach (var demo in DemoKeys.All.Where(k => keys.Register.Find(k.Name) is null))
        {
            var binding = demo.Binding;
            await mediator.Send(new IssueApiKey(demo.Name, demo.Description, binding.StaffId, binding.ClientId, binding.Roles, binding.Scopes, ApiKeySecrets.HashOf(demo.Key), null, As(Admin)), ct);
        }

        await keys.RefreshAsync(ct);
    }

    private async Task OrganisationAsync(CancellationToken ct)
    {
        var (organisation, _) = await directory.CurrentAsync(ct);
        foreach (var (id, name) in Staff.Where(s => !organisation.Staff.Contains(s.Id)))
        {
            await mediator.Send(new RegisterStaff(id, name, As(Admin)), ct);
        }

        foreach (var post in Posts.Where(p => !organisation.Posts.ContainsKey(p.Id)))
        {
            await mediator.Send(new DefinePost(post.Id, post.Name, post.Types, 1, As(Admin)), ct);
            await mediator.Send(new AssignPostHolders(post.Id, post.A, post.B, "demo centre: initial assignment", As(Admin)), ct);
        }

        if (organisation.SupervisorId is null)
        {
            await mediator.Send(new AppointSupervisor("s-head", As(Admin)), ct);
        }

        foreach (var grid in Grids.Where(g => !organisation.Grids.ContainsKey(g.Id)))
        {
            await mediator.Send(new DefineGrid(grid.Id, grid.Name, grid.Worker, grid.Backup, As(Admin)), ct);
        }
    }

    private async Task PoliciesAsync(CancellationToken ct)
    {
        var from = new DateOnly(2026, 1, 1);
        await PublishAsync("dibao", from, new() { ["dibaoLine"] = 800m }, ct);
        await PublishAsync("temporary-assistance", from, new() { ["temporaryAssistanceCap"] = 3000m, ["urgentAssistanceCap"] = 1000m }, ct);
        await PublishAsync("home-elderly-care", from, new() { ["subsidyLivingAlone"] = 200m, ["subsidyOver80"] = 100m, ["subsidyDibao"] = 300m }, ct);
        await PublishAsync("medical-insurance", from, new()
        {
            ["individualPremium"] = 400m, ["dibaoSubsidy"] = 400m, ["tekunSubsidy"] = 400m, ["windowStart"] = "2026-09-01",
            ["windowEnd"] = "2026-12-31", ["lateWindowEnd"] = "2027-02-28", ["coverYearStart"] = "2027-01-01", ["baseWaitingMonths"] = 3,
        }, ct);
    }

    private async Task PublishAsync(string id, DateOnly from, Dictionary<string, object> values, CancellationToken ct)
    {
        if (policies.Timeline(id).Versions.Count == 0)
        {
            var elements = values.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value));
            await mediator.Send(new PublishPolicyParameters(id, 1, from, elements, As(Admin)), ct);
        }
    }

    private async Task ResidentsAsync(CancellationToken ct)
    {
        var heads = new Dictionary<int, string>();
        foreach (var r in Residents)
        {
            IdentityNumber.TryParse(r.IdentityNumber, out var number, out _);
            var residentId = pseudonym.ResidentIdFor(number!);
            try
            {
                await mediator.Send(new RegisterResident(r.IdentityNumber, r.Name, r.Phone, r.Address, r.Grid, null, null, As(Counter)), ct);
            }
            catch (CommandRejectedException e) when (e.Kind == RejectionKind.Conflict)
            {
                continue;
            }

            if (r.Household == 0)
            {
                continue;
            }

            if (heads.TryGetValue(r.Household, out var household))
            {
                await mediator.Send(new AddHouseholdMember(household, residentId, "family", null, As(Counter)), ct);
            }
            else
            {
                heads[r.Household] = (await mediator.Send(new RegisterHousehold(residentId, r.Address, r.Grid, As(Counter)), ct)).HouseholdId;
            }
        }
    }

    private static CommandContext As(Actor actor) => new(actor, Guid.NewGuid().ToString("N"), "demo-seed");
}
