using System.Globalization;
using Affairs.Domain.Staffing;
using Affairs.Host.Security;

namespace Affairs.Host.Seeding;

/// <summary>
/// The API keys of the demo centre: one for the A and the B holder of every post, one for every grid worker (each is
/// also the backup of a neighbouring grid), and the supervisor, auditor, administrator and integration keys. They are
/// public (printed at start, in the README and in samples/requests.http); the seed issues them as events with their
/// hashes. A real deployment revokes them (<c>POST /api/keys/{id}/revoke</c>) and issues its own.
/// </summary>
internal static class DemoKeys
{
    public static IReadOnlyList<DemoKey> All { get; } =
    [
        .. DemoSeed.Posts.SelectMany(p => new[] { Staff(p.A, $"caseworker {p.A}, A of the {p.Id} post"), Staff(p.B, $"caseworker {p.B}, B of the {p.Id} post") }),
        .. DemoSeed.Grids.Select(g => Staff(g.Worker, $"caseworker {g.Worker}, worker of grid {g.Id}, backup of {DemoSeed.Grids.Single(o => o.Backup == g.Worker).Id}")),
        new("demo-supervisor", "supervisor s-head, the section head (also a caseworker)", ApiKeyBinding.Staff("s-head")),
        new("demo-auditor", "auditor: reads everything, personal data unmasked, writes nothing", ApiKeyBinding.Client("demo-auditor", [ActorRoles.Auditor])),
        new("demo-admin", "administrator: affair types, policies, organisation, API keys", ApiKeyBinding.Client("demo-admin", [ActorRoles.Administrator])),
        new("demo-integration", "integration client district-portal: cases, residents, feed; personal data masked",
            ApiKeyBinding.Client("district-portal", [ActorRoles.Integration], [Scopes.CasesRead, Scopes.CasesWrite, Scopes.ResidentsRead, Scopes.ResidentsWrite, Scopes.FeedRead])),
        new("demo-integration-pd", "integration client civil-affairs-bureau: feed and reads with personal data",
            ApiKeyBinding.Client("civil-affairs-bureau", [ActorRoles.Integration], [Scopes.CasesRead, Scopes.ResidentsRead, Scopes.FeedRead, Scopes.PersonalDataRead])),
    ];

    /// <summary>A staff member's demo key is named after them: <c>s-ins-a</c> has <c>demo-ins-a-key</c>.</summary>
    private static DemoKey Staff(string staffId, string description) =>
        new(string.Create(CultureInfo.InvariantCulture, $"demo-{staffId["s-".Length..]}"), description, ApiKeyBinding.Staff(staffId));
}
