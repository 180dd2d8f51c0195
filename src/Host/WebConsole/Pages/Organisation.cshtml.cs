using Affairs.Domain.Staffing;
using Affairs.Host.Security;
using Affairs.Workflows.Staffing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// The organisation for the administrator: posts with their A and B holders, grids, staff and the supervisor, and the
/// forms that change them through the same commands as the organisation routes, each refusal shown as it is.
/// </summary>
[Authorize(Policy = AccessPolicies.Administer)]
public sealed class OrganisationModel : AdministrationPage
{
    /// <summary>The post whose holders the form starts from.</summary>
    [BindProperty(SupportsGet = true)]
    public string? EditPost { get; set; }

    /// <summary>The grid the form starts from.</summary>
    [BindProperty(SupportsGet = true)]
    public string? EditGrid { get; set; }

    /// <summary>The organisation now.</summary>
    public Organisation Organisation { get; private set; } = Organisation.Empty;

    /// <summary>Every member of staff and where they stand, by id.</summary>
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];

    /// <summary>The affair types a post may serve, by id.</summary>
    public IReadOnlyList<string> AffairTypes => [.. Catalog.Ids.Order(StringComparer.Ordinal)];

    /// <summary>The post chosen, if it is defined.</summary>
    public Post? ChosenPost => EditPost is null ? null : Organisation.Posts.GetValueOrDefault(EditPost);

    /// <summary>The grid chosen, if it is defined.</summary>
    public Grid? ChosenGrid => EditGrid is null ? null : Organisation.Grids.GetValueOrDefault(EditGrid);

    /// <summary>Shows the organisation.</summary>
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Defines a post or changes it.</summary>
    public Task<IActionResult> OnPostDefinePostAsync(string? postId, string? name, string[]? affairTypes, int? takeoverDelay, CancellationToken ct) => AttemptAsync(
        async () => await Mediator.Send(new DefinePost(postId?.Trim() ?? string.Empty, name ?? string.Empty, affairTypes ?? [], takeoverDelay ?? 1, Context()), ct),
        saved => Confirmation(Texts["Post {0} saved.", saved.PostId], saved.Warnings),
        saved => new { editPost = saved.PostId },
        ct);

    /// <summary>Assigns a post's A and B holders.</summary>
    public Task<IActionResult> OnPostHoldersAsync(string? postId, string? aHolderId, string? bHolderId, string? reason, CancellationToken ct) => AttemptAsync(
        async () => await Mediator.Send(new AssignPostHolders(postId ?? string.Empty, aHolderId ?? string.Empty, bHolderId ?? string.Empty, reason ?? string.Empty, Context()), ct),
        saved => Confirmation(Texts["Holders of post {0} assigned.", saved.PostId], saved.Warnings),
        _ => null,
        ct);

    /// <summary>Defines a grid or changes its workers.</summary>
    public Task<IActionResult> OnPostGridAsync(string? gridId, string? name, string? workerId, string? backupWorkerId, CancellationToken ct) => AttemptAsync(
        async () => await Mediator.Send(new DefineGrid(gridId?.Trim() ?? string.Empty, name ?? string.Empty, workerId ?? string.Empty, backupWorkerId ?? string.Empty, Context()), ct),
        saved => Confirmation(Texts["Grid {0} saved.", saved.GridId], saved.Warnings),
        _ => null,
        ct);

    /// <summary>Registers a member of staff.</summary>
    public Task<IActionResult> OnPostStaffAsync(string? staffId, string? name, CancellationToken ct) => AttemptAsync(
        async () => await Mediator.Send(new RegisterStaff(staffId?.Trim() ?? string.Empty, name ?? string.Empty, Context()), ct),
        saved => Confirmation(Texts["{0} registered.", saved.StaffId], saved.Warnings),
        _ => null,
        ct);

    /// <summary>Appoints the supervisor.</summary>
    public Task<IActionResult> OnPostSupervisorAsync(string? staffId, CancellationToken ct) => AttemptAsync(
        async () => await Mediator.Send(new AppointSupervisor(staffId ?? string.Empty, Context()), ct),
        saved => Confirmation(Texts["{0} appointed supervisor.", staffId ?? string.Empty], saved.Warnings),
        _ => null,
        ct);

    /// <summary>Whether <paramref name="staffId"/> is away now.</summary>
    public bool Away(string? staffId) => staffId is not null && Organisation.IsAbsent(staffId, Now);

    internal override async Task LoadAsync(CancellationToken ct)
    {
        Organisation = await OrganisationAsync(ct);
        Staff = [.. Organisation.Staff.Order(StringComparer.Ordinal).Select(id => StaffMember.Of(Organisation, id)!)];
    }
}
