using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Calendar;
using Affairs.EventStore;
using Affairs.Domain.Staffing;
using Affairs.Stores.Sqlite;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Households;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Affairs.Benchmarks;

/// <summary>
/// The engine as a host registers it (<c>AddAffairs</c>, <c>AffairsStartup</c>) on a fresh SQLite file, seeded through
/// the ordinary commands: the dibao post with A (s-a) and B (s-b), the supervisor (s-boss), grid g-01, the dibao line
/// of 800 and one household. The clock stands still on Monday 9 March 2026, 09:00 Beijing time, so every deadline falls
/// inside the published holiday schedule and nobody is ever late.
/// </summary>
internal sealed class BenchCentre : IAsyncDisposable
{
    public static readonly Actor A = Actor.Of("s-a", ActorRoles.Caseworker);
    public static readonly Actor Boss = Actor.Of("s-boss", ActorRoles.Caseworker, ActorRoles.Supervisor);
    private static readonly Actor Admin = Actor.Of("admin", ActorRoles.Administrator);

    private readonly ServiceProvider _services;
    private long _commands;

    private BenchCentre(string file, SqliteDurability durability)
    {
        Store = SqliteEventStore.Open(new SqliteEventStoreOptions { Path = file, Durability = durability });
        var services = new ServiceCollection();
        services.AddSingleton<IEventStore>(Store);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 1, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAffairs(o =>
        {
            o.ResidentPseudonymKey = "benchmark-key-0123456789";
            foreach (var schedule in HolidayScheduleFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "calendars")))
            {
                o.HolidaySchedules.Add(schedule);
            }
        });
        _services = services.BuildServiceProvider();
    }

    public SqliteEventStore Store { get; }

    public IServiceProvider Services => _services;

    public IMediator Mediator => _services.GetRequiredService<IMediator>();

    public string HouseholdId { get; private set; } = string.Empty;

    /// <summary>Opens the store at <paramref name="file"/>, starts the engine and seeds the centre.</summary>
    public static async Task<BenchCentre> OpenAsync(string file, SqliteDurability durability)
    {
        var centre = new BenchCentre(file, durability);
        await centre.SeedAsync();
        return centre;
    }

    /// <summary>A context for the next command by <paramref name="actor"/>.</summary>
    public CommandContext As(Actor actor) =>
        new(actor, "cmd-" + Interlocked.Increment(ref _commands).ToString(CultureInfo.InvariantCulture), "corr-bench");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Store.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        await _services.GetRequiredService<AffairsStartup>().InitializeAsync();
        var send = Mediator;
        foreach (var id in new[] { "s-a", "s-b", "s-boss", "s-gw", "s-gb" })
        {
            await send.Send(new RegisterStaff(id, "某人", As(Admin)));
        }

        await send.Send(new DefinePost("dibao", "低保岗", ["dibao"], 1, As(Admin)));
        await send.Send(new AssignPostHolders("dibao", "s-a", "s-b", "initial assignment", As(Admin)));
        await send.Send(new AppointSupervisor("s-boss", As(Admin)));
        await send.Send(new DefineGrid("g-01", "第一网格", "s-gw", "s-gb", As(Admin)));
        await Mediator.Send(new PublishPolicyParameters(
            "dibao", 1, new DateOnly(2026, 1, 1), new Dictionary<string, JsonElement> { ["dibaoLine"] = JsonSerializer.SerializeToElement(800m) }, As(Admin)));
        var resident = await send.Send(new RegisterResident("11010519491231002X", "张三", "13800138000", "东门街道 1 号", "g-01", null, null, As(A)));
        HouseholdId = (await send.Send(new RegisterHousehold(resident.ResidentId, "东门街道 1 号", "g-01", As(A)))).HouseholdId;
    }
}
