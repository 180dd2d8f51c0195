using System.Security.Claims;
using Affairs.Domain.Staffing;

namespace Affairs.Host.Security;

/// <summary>What the host needs to know about the authenticated caller.</summary>
internal static class Caller
{
    /// <summary>The caller as the engine sees it: id and roles.</summary>
    public static Actor ActorOf(ClaimsPrincipal user)
    {
        var id = user.FindFirst(AffairsClaims.StaffId)?.Value ?? user.FindFirst(AffairsClaims.Subject)?.Value
            ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "anonymous";
        return new Actor(id, Roles(user));
    }

    public static HashSet<string> Roles(ClaimsPrincipal user) =>
        new(user.FindAll(AffairsClaims.Role).Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value), StringComparer.Ordinal);

    public static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll(AffairsClaims.Scope).Any(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal));

    /// <summary>
    /// Whether personal data is shown unmasked: to auditors and supervisors, to caseworkers (who serve residents at the
    /// counter), and to integration clients with the <c>personal-data:read</c> scope. Administrators see it masked.
    /// </summary>
    public static bool SeesPersonalData(ClaimsPrincipal user)
    {
        var roles = Roles(user);
        return roles.Contains(ActorRoles.Auditor) || roles.Contains(ActorRoles.Supervisor) || roles.Contains(ActorRoles.Caseworker)
            || (roles.Contains(ActorRoles.Integration) && HasScope(user, Scopes.PersonalDataRead));
    }
}
