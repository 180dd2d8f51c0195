using System.Globalization;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Host.Security;
using Affairs.Workflows.Queues;
using Affairs.Workflows.Staffing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// The section head's view: every post with its A and B and its open cases, the overdue and soon-due lists, and the
/// absences, recorded and cancelled here with the warning when A and B of a post would both be away.
/// </summary>
[Authorize(Policy = AccessPolicies.Absences)]
public sealed class SupervisionModel : ConsolePage
{
    /// <summary>The organisation now.</summary>
    public Organisation Organisation { get; private set; } = Organisation.Empty;

    /// <summary>Each post's open cases; empty for a role that does not read cases.</summary>
    public IReadOnlyList<PostQueue> Posts { get; private set; } = [];

    /// <summary>The overdue and soon-due steps; null for a role that does not read cases.</summary>
    public DeadlineWatch? Watch { get; private set; }

    /// <summary>Shows the page.</summary>
    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Records an absence; its warnings (A and B both away) are shown with the confirmation.</summary>
    public async Task<IActionResult> OnPostAbsenceAsync(string staffId, string from, string to, AbsenceKind kind, CancellationToken ct)
    {
        try
        {
            var recorded = await Mediator.Send(new RegisterAbsence(staffId, Instant(from, "from"), Instant(to, "to"), kind, Context()), ct);
            Notice = string.Join(" ", [Texts["Absence recorded."].Value, .. recorded.Warnings.Select(w => Texts["Warning: {0}", w].Value)]);
            return RedirectToPage();
        }
        catch (CommandRejectedException e)
        {
            await LoadAsync(ct);
            return Refused(e);
        }
    }

    /// <summary>Cancels an absence, with the reason.</summary>
    public async Task<IActionResult> OnPostCancelAsync(string absenceId, string? reason, CancellationToken ct)
    {
        try
        {
            await Mediator.Send(new CancelAbsence(absenceId, reason ?? string.Empty, Context()), ct);
            Notice = Texts["Absence cancelled."];
            return RedirectToPage();
        }
        catch (CommandRejectedException e)
        {
            await LoadAsync(ct);
            return Refused(e);
        }
    }

    /// <summary>A <c>datetime-local</c> value, read in the centre's time zone.</summary>
    private DateTimeOffset Instant(string? value, string field)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ValidationErrors().Add(field, "A date and time is required.").ToException();
        }

        return new DateTimeOffset(local, Calendar.Zone.GetUtcOffset(local));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var directory = HttpContext.RequestServices.GetRequiredService<OrganisationDirectory>();
        Organisation = (await directory.CurrentAsync(ct)).Organisation;
        if (await AllowedAsync(AccessPolicies.CasesRead))
        {
            var posts = new List<PostQueue>();
            foreach (var post in Organisation.Posts.Keys.Order(StringComparer.Ordinal))
            {
                posts.Add(await Mediator.Send(new GetPostQueue(post), ct));
            }

            Posts = posts;
            Watch = await Mediator.Send(new GetDeadlineWatch(), ct);
        }
    }
}
