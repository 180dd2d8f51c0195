using Affairs.Domain.Staffing;
using Affairs.Host.Security;

namespace Affairs.Host.Seeding;

/// <summary>
/// The API keys of the demo centre. They are public (printed at start, in the README and in samples/requests.http);
/// only their hashes are stored. A real deployment configures its own under <c>Affairs:ApiKeys</c> and removes these.
/// </summary>
internal static class DemoKeys
{
    public static IReadOnlyList<(string Key, ApiKeyEntry Entry, string Description)> All { get; } =
    [
        Key("demo-dibao-a", "caseworker s-dibao-a, A of the dibao post", [ActorRoles.Caseworker], staffId: "s-dibao-a"),
        Key("demo-dibao-b", "caseworker s-dibao-b, B of the dibao post", [ActorRoles.Caseworker], staffId: "s-dibao-b"),
        Key("demo-grid-1", "caseworker s-grid-1, worker of grid g-01", [ActorRoles.Caseworker], staffId: "s-grid-1"),
        Key("demo-supervisor", "supervisor s-head, the section head", [ActorRoles.Caseworker, ActorRoles.Supervisor], staffId: "s-head"),
        Key("demo-auditor", "auditor: reads everything, personal data unmasked, writes nothing", [ActorRoles.Auditor]),
        Key("demo-admin", "administrator: affair types, policies, organisation", [ActorRoles.Administrator]),
        Key("demo-integration", "integration client district-portal: cases, residents, feed; personal data masked", [ActorRoles.Integration],
            clientId: "district-portal", scopes: [Scopes.CasesRead, Scopes.CasesWrite, Scopes.ResidentsRead, Scopes.ResidentsWrite, Scopes.FeedRead]),
        Key("demo-integration-pd", "integration client civil-affairs-bureau: feed and reads with personal data", [ActorRoles.Integration],
            clientId: "civil-affairs-bureau", scopes: [Scopes.CasesRead, Scopes.ResidentsRead, Scopes.FeedRead, Scopes.PersonalDataRead]),
    ];

    private static (string, ApiKeyEntry, string) Key(string name, string description, string[] roles, string? staffId = null, string? clientId = null, string[]? scopes = null) =>
        ($"{name}-key", new ApiKeyEntry { Id = clientId ?? name, Hash = ApiKeyStore.HashOf($"{name}-key"), StaffId = staffId, Roles = roles, Scopes = scopes ?? [], Demo = true }, description);
}
