using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>Sends each role to the page of its daily work.</summary>
public sealed class IndexModel : ConsolePage
{
    /// <summary>Redirects to the role's page.</summary>
    public IActionResult OnGet() => Redirect(ConsoleSession.PathPrefix + (
        Has(Domain.Staffing.ActorRoles.Caseworker) || Has(Domain.Staffing.ActorRoles.Supervisor) ? "/queue"
        : Has(Domain.Staffing.ActorRoles.Auditor) ? "/audit"
        : Has(Domain.Staffing.ActorRoles.Administrator) ? "/types"
        : "/denied"));
}
