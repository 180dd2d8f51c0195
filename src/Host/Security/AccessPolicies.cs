using System.Security.Claims;
using Affairs.Domain.Staffing;
using Microsoft.AspNetCore.Authorization;

namespace Affairs.Host.Security;

/// <summary>
/// The authorization policies every endpoint declares one of. Staff roles grant what their job needs; an integration
/// client is granted by its scopes. Auditors read everything and write nothing.
/// </summary>
internal static class AccessPolicies
{
    public const string CasesRead = "cases.read";
    public const string CasesWrite = "cases.write";
    public const string Audit = "audit";
    public const string CatalogRead = "catalog.read";
    public const string Administer = "administer";
    public const string ResidentsRead = "residents.read";
    public const string ResidentsWrite = "residents.write";
    public const string OrganisationRead = "organisation.read";
    public const string Absences = "organisation.absences";
    public const string FeedRead = "feed.read";

    /// <summary>Identity number to resident id: confirming a number is reading personal data, so it needs both.</summary>
    public const string ResidentsLookup = "residents.lookup";

    private static readonly string[] ResidentReaders = [ActorRoles.Caseworker, ActorRoles.Supervisor, ActorRoles.Auditor];
    private static readonly string[] ResidentReadScopes = [Scopes.ResidentsRead, Scopes.ResidentsWrite];

    public static void Add(AuthorizationOptions options)
    {
        Add(options, CasesRead, [ActorRoles.Caseworker, ActorRoles.Supervisor, ActorRoles.Auditor], Scopes.CasesRead, Scopes.CasesWrite);
        Add(options, CasesWrite, [ActorRoles.Caseworker, ActorRoles.Supervisor], Scopes.CasesWrite);
        Add(options, Audit, [ActorRoles.Auditor, ActorRoles.Supervisor, ActorRoles.Administrator]);
        Add(options, CatalogRead, [ActorRoles.Caseworker, ActorRoles.Supervisor, ActorRoles.Auditor, ActorRoles.Administrator, ActorRoles.Integration]);
        Add(options, Administer, [ActorRoles.Administrator]);
        Add(options, ResidentsRead, ResidentReaders, ResidentReadScopes);
        Add(options, ResidentsWrite, [ActorRoles.Caseworker, ActorRoles.Supervisor], Scopes.ResidentsWrite);
        Add(options, OrganisationRead, [ActorRoles.Caseworker, ActorRoles.Supervisor, ActorRoles.Auditor, ActorRoles.Administrator, ActorRoles.Integration]);
        Add(options, Absences, [ActorRoles.Supervisor, ActorRoles.Administrator]);
        Add(options, FeedRead, [ActorRoles.Auditor], Scopes.FeedRead);
        options.AddPolicy(ResidentsLookup, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
            Allows(context.User, ResidentReaders, ResidentReadScopes) && Caller.SeesPersonalData(context.User)));
    }

    private static void Add(AuthorizationOptions options, string name, string[] roles, params string[] scopes) =>
        options.AddPolicy(name, policy => policy.RequireAuthenticatedUser().RequireAssertion(context => Allows(context.User, roles, scopes)));

    private static bool Allows(ClaimsPrincipal user, string[] roles, string[] scopes)
    {
        var held = Caller.Roles(user);
        return roles.Any(held.Contains) || (held.Contains(ActorRoles.Integration) && scopes.Any(s => Caller.HasScope(user, s)));
    }
}
