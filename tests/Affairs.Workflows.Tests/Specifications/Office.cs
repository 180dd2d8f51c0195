using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Policies;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Tests.AffairTypes;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Specifications;

/// <summary>
/// The <see cref="Centre"/> on an in-memory store, with every standing post held by s-a (A) and s-b (B), the
/// policies every affair type's guards read, and the administrator's temporary-assistance type published.
/// </summary>
public sealed class Office : IAsyncDisposable
{
    public static readonly Actor GridWorker = Actor.Of("s-gw", ActorRoles.Caseworker);
    public static readonly Actor Applicant = Actor.Of("district-portal", ActorRoles.Integration);

    /// <summary>The policy values in force from 1 January 2026, by affair type.</summary>
    public static readonly IReadOnlyDictionary<string, string> Policies = new Dictionary<string, string>
    {
        ["dibao"] = """{ "dibaoLine": 800 }""",
        ["medical-insurance"] = """
            { "individualPremium": 380, "dibaoSubsidy": 380, "tekunSubsidy": 300, "windowStart": "2026-09-01",
              "windowEnd": "2026-12-31", "lateWindowEnd": "2027-02-28", "coverYearStart": "2027-01-01", "baseWaitingMonths": 3 }
            """,
        ["home-elderly-care"] = """{ "subsidyLivingAlone": 200, "subsidyOver80": 150, "subsidyDibao": 300 }""",
        [Definitions.Sample] = """{ "temporaryAssistanceCap": 2000, "urgentAssistanceCap": 1500 }""",
    };

    private Office(Centre centre) => Centre = centre;

    public Centre Centre { get; }

    public Engine Engine => Centre.Engine;

    /// <summary>The registered resident (subject of person cases), in grid g-01.</summary>
    public string ResidentId => Centre.ResidentId;

    /// <summary>The household (subject of household cases), in grid g-01.</summary>
    public string HouseholdId => Centre.HouseholdId;

    public static async Task<Office> OpenAsync()
    {
        var engine = new Engine(s => s.AddSingleton<IEventStore>(sp => new InMemoryEventStore(sp.GetRequiredService<TimeProvider>())));
        var office = new Office(await Centre.OpenAsync(engine));
        await office.SeedAsync();
        return office;
    }

    public CompiledAffairType Type(string id) => Engine.Services.GetRequiredService<AffairTypeCatalog>().ForNewCase(id);

    /// <summary>The subject a new case of <paramref name="type"/> is about.</summary>
    public string SubjectOf(CompiledAffairType type) => type.Definition.Subject == SubjectKind.Household ? HouseholdId : ResidentId;

    private async Task SeedAsync()
    {
        var send = Engine.Mediator;
        foreach (var (post, types) in new[] { ("insurance", "medical-insurance"), ("certification", "retiree-certification"), ("eldercare", "home-elderly-care") })
        {
            await send.Send(new DefinePost(post, post, [types], 1, Engine.As(Centre.Admin)));
            await send.Send(new AssignPostHolders(post, "s-a", "s-b", "initial assignment", Engine.As(Centre.Admin)));
        }

        await send.Send(new PublishAffairType(Definitions.Json(Definitions.Sample), Engine.As(Centre.Admin)));
        foreach (var (id, values) in Policies.Where(p => p.Key != "dibao"))
        {
            await send.Send(new PublishPolicyParameters(id, 1, new DateOnly(2026, 1, 1), JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(values)!, Engine.As(Centre.Admin)));
        }
    }

    public async ValueTask DisposeAsync() => await Centre.DisposeAsync();
}
