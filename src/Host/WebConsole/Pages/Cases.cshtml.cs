using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Host.Privacy;
using Affairs.Host.Security;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Households;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Streams;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// A case: its data (masked as the API masks it for this reader), materials and deadlines; the triggers the reader may
/// fire, as forms built from the pinned definition and carrying the revision they saw; and why the others are refused.
/// </summary>
[Authorize(Policy = AccessPolicies.CasesRead)]
public sealed class CasesModel : ConsolePage
{
    /// <summary>The case id from the route.</summary>
    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = string.Empty;

    /// <summary>The case now, its data masked as the API masks it for this reader; null when it could not be read.</summary>
    public CaseView? View { get; private set; }

    /// <summary>The definition version the case is pinned to.</summary>
    public CompiledAffairType? Type { get; private set; }

    /// <summary>What the reader may fire, and why not the rest.</summary>
    public PermittedTriggers? Answers { get; private set; }

    /// <summary>Whether the reader may act on the case now (role and AB-post rules).</summary>
    public bool MayWrite { get; private set; }

    /// <summary>The permitted triggers from the current state, as forms.</summary>
    public IReadOnlyList<TriggerForm> Forms { get; private set; } = [];

    /// <summary>The triggers from the current state the reader may not fire, with the reasons.</summary>
    public IReadOnlyList<TriggerAnswer> Refusals { get; private set; } = [];

    /// <summary>Shows the case.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
            return Page();
        }
        catch (CommandRejectedException e)
        {
            return Refused(e);
        }
    }

    /// <summary>Fires a trigger with the fields, reason and revision the form carried.</summary>
    public Task<IActionResult> OnPostFireAsync(string trigger, long revision, string? reason, CancellationToken ct) => ActAsync(async () =>
    {
        var type = await TypeAsync(ct);
        var sets = type.Transitions.Where(t => t.Trigger == trigger).SelectMany(t => t.Sets).ToHashSet(StringComparer.Ordinal);
        var data = FormData.Read(Request.Form, type.Definition.Fields.Where(f => sets.Contains(f.Name)));
        var reasonGiven = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var done = await Mediator.Send(new FireTrigger(Id, trigger, revision, reasonGiven, data.Count > 0 ? data : null, Context()), ct);
        return Texts["{0} done: the case is now at {1}.", trigger, StateName(type.Id, done.State, type.Version)];
    }, ct);

    /// <summary>Adds a note at the revision the form carried.</summary>
    public Task<IActionResult> OnPostNoteAsync(string? text, long revision, CancellationToken ct) => ActAsync(async () =>
    {
        await Mediator.Send(new AddNote(Id, text ?? string.Empty, revision, Context()), ct);
        return Texts["Note added."].Value;
    }, ct);

    /// <summary>Records a received document by its metadata and SHA-256 (the API's attach), at the revision the form carried.</summary>
    public Task<IActionResult> OnPostAttachAsync(string? materialId, string? fileName, string? mediaType, long? sizeBytes, string? contentHash, long revision, CancellationToken ct) => ActAsync(async () =>
    {
        await Mediator.Send(new AttachMaterial(Id, materialId ?? string.Empty, fileName?.Trim() ?? string.Empty, mediaType?.Trim() ?? string.Empty, sizeBytes ?? 0, contentHash?.Trim() ?? string.Empty, revision, Context()), ct);
        return Texts["Material attached."].Value;
    }, ct);

    /// <summary>Hands the case to another member of staff, with the reason (the engine lets only the supervisor).</summary>
    public Task<IActionResult> OnPostReassignAsync(string? toStaffId, string? reason, long revision, CancellationToken ct) => ActAsync(async () =>
    {
        await Mediator.Send(new ReassignCase(Id, toStaffId ?? string.Empty, reason ?? string.Empty, revision, Context()), ct);
        return Texts["Reassigned to {0}.", toStaffId ?? string.Empty].Value;
    }, ct);

    /// <summary>A write: refused as the API refuses it (a role its policy does not admit is 403), or done and shown.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<string>> act, CancellationToken ct)
    {
        if (!await AllowedAsync(AccessPolicies.CasesWrite))
        {
            await LoadQuietlyAsync(ct);
            return Forbidden();
        }

        try
        {
            Notice = await act();
            return RedirectToPage(new { id = Id });
        }
        catch (CommandRejectedException e)
        {
            await LoadQuietlyAsync(ct);
            return Refused(e);
        }
    }

    private async Task<CompiledAffairType> TypeAsync(CancellationToken ct)
    {
        var view = await Mediator.Send(new GetCase(Id), ct);
        return Catalog.Resolve(view.AffairTypeId, view.DefinitionVersion);
    }

    private async Task LoadQuietlyAsync(CancellationToken ct)
    {
        try
        {
            await LoadAsync(ct);
        }
        catch (CommandRejectedException)
        {
            View = null;
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var view = await Mediator.Send(new GetCase(Id), ct);
        var unmasked = await CasePrivacy.SeesPersonalDataAsync(User, Id, Mediator, ct);
        Type = Catalog.Resolve(view.AffairTypeId, view.DefinitionVersion);
        View = view with { Data = unmasked ? view.Data : CaseDataMask.Apply(Type, view.Data) };
        await LoadApplicantAsync(view, unmasked, ct);
        Notes = ConsoleMask.Apply(await Mediator.Send(new GetCaseNotes(Id), ct), unmasked);
        Answers = await Mediator.Send(new GetPermittedTriggers(Id, Actor), ct);
        MayWrite = await AllowedAsync(AccessPolicies.CasesWrite) && Answers.Refusal is null && view.ClosedAt is null;
        var fromHere = Type.Transitions.Where(t => t.From == view.State).GroupBy(t => t.Trigger).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var here = Answers.Triggers.Where(a => fromHere.ContainsKey(a.Trigger)).ToList();
        Forms = MayWrite
            ? [.. here.Where(a => a.Permitted).Select(a => Form(a, fromHere[a.Trigger]))]
            : [];
        Refusals = [.. here.Where(a => !MayWrite || !a.Permitted)];
    }

    private TriggerForm Form(TriggerAnswer answer, List<CompiledTransition> transitions)
    {
        var sets = transitions.SelectMany(t => t.Sets).ToHashSet(StringComparer.Ordinal);
        return new TriggerForm(answer.Trigger, answer.Destination, answer.RequiresReason, [.. Type!.Definition.Fields.Where(f => sets.Contains(f.Name))]);
    }

    /// <summary>The notes on the case, masked unless the reader sees this case's personal data.</summary>
    public IReadOnlyList<CaseNote> Notes { get; private set; } = [];

    /// <summary>
    /// The applicant (the resident, or the household's head), masked unless the reader sees this case's personal data;
    /// null when the reader's role does not read residents.
    /// </summary>
    public Resident? Applicant { get; private set; }

    private async Task LoadApplicantAsync(CaseView view, bool unmasked, CancellationToken ct)
    {
        if (!await AllowedAsync(AccessPolicies.ResidentsRead))
        {
            return;
        }

        var streams = HttpContext.RequestServices.GetRequiredService<StreamRepository>();
        var residentId = view.SubjectId;
        if (view.SubjectKind == "household")
        {
            var household = await streams.LoadAsync(HouseholdStreams.For(view.SubjectId), HouseholdStreams.Fold, cancellationToken: ct);
            residentId = HouseholdStreams.Require(household, view.SubjectId).HeadResidentId;
        }

        var loaded = await streams.LoadAsync(ResidentStreams.For(residentId), ResidentStreams.Fold, cancellationToken: ct);
        Applicant = ConsoleMask.Apply(ResidentStreams.RequireActive(loaded, residentId, allowMovedOut: true), unmasked);
    }

    /// <summary>A data value as a person reads it.</summary>
    public static string Show(JsonElement value) => FormData.Show(value);
}
