using System.Security.Claims;
using Affairs.Domain.Staffing;
using Affairs.Host.Security;
using Affairs.Workflows.Cases;
using Mediator;

namespace Affairs.Host.Privacy;

/// <summary>Who sees a case's personal data: the API's case reads and the console ask the same question here.</summary>
internal static class CasePrivacy
{
    /// <summary>Auditors and supervisors see a case's personal data; a caseworker only on a case they may act on.</summary>
    public static async Task<bool> SeesPersonalDataAsync(ClaimsPrincipal user, string caseId, IMediator mediator, CancellationToken ct)
    {
        var roles = Caller.Roles(user);
        if (!Caller.SeesPersonalData(user) || roles.Contains(ActorRoles.Auditor) || roles.Contains(ActorRoles.Supervisor) || !roles.Contains(ActorRoles.Caseworker))
        {
            return Caller.SeesPersonalData(user);
        }

        var permitted = await mediator.Send(new GetPermittedTriggers(caseId, Caller.ActorOf(user)), ct);
        return permitted.Refusal is null;
    }
}
