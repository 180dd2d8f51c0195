using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.Host.Privacy;
using Affairs.Host.Security;
using Affairs.Workflows.Audit;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Ledger;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// A case as an auditor reads it: the timeline (who, in which role, why, under which definition version), the whole
/// state replayed at any revision with who was responsible and what was permitted then, the pinned version's diagram
/// with the path taken, and the chain verified.
/// </summary>
[Authorize(Policy = AccessPolicies.CasesRead)]
public sealed class AuditModel : ConsolePage
{
    /// <summary>The case.</summary>
    [BindProperty(SupportsGet = true)]
    public string? CaseId { get; set; }

    /// <summary>The revision to replay to; the latest when absent.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Revision { get; set; }

    /// <summary>The moment to replay to (centre time, <c>datetime-local</c>); it wins over the revision.</summary>
    [BindProperty(SupportsGet = true)]
    public string? At { get; set; }

    /// <summary>The timeline.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The case replayed at <see cref="Revision"/>, masked as the API masks it for this reader.</summary>
    public CaseView? Replayed { get; private set; }

    /// <summary>The diagram of the pinned version, with the path taken up to the replayed revision.</summary>
    public string? Diagram { get; private set; }

    /// <summary>The chain check, once asked for.</summary>
    public ChainCheck? Check { get; private set; }

    /// <summary>Recent cases to choose from.</summary>
    public IReadOnlyList<CaseSummary> Recent { get; private set; } = [];

    /// <summary>Whether the reader may verify chains.</summary>
    public bool MayVerify { get; private set; }

    /// <summary>Shows the case at the chosen revision.</summary>
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

    /// <summary>Recomputes the case's hash chain and shows the result.</summary>
    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(AccessPolicies.Audit))
        {
            return Forbidden();
        }

        try
        {
            await LoadAsync(ct);
            Check = await Mediator.Send(new VerifyCase(CaseId ?? string.Empty), ct);
            return Page();
        }
        catch (CommandRejectedException e)
        {
            return Refused(e);
        }
    }

    /// <summary>The whole log checked, against a digest kept outside when one is pasted.</summary>
    public LedgerCheck? Ledger { get; private set; }

    /// <summary>Checks every stream's chain and the recorded digests, and the digest pasted, if any.</summary>
    public async Task<IActionResult> OnPostLedgerAsync(string? digest, CancellationToken ct)
    {
        if (!await AllowedAsync(AccessPolicies.Audit))
        {
            return Forbidden();
        }

        try
        {
            await LoadAsync(ct);
            Ledger = await Mediator.Send(new VerifyLedger(ReadDigest(digest)), ct);
            return Page();
        }
        catch (CommandRejectedException e)
        {
            return Refused(e);
        }
    }

    private static LedgerDigest? ReadDigest(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<LedgerDigest>(text, PersonalDataJson.Unmasked);
        }
        catch (JsonException)
        {
            throw new ValidationErrors().Add("digest", "Paste the digest as its JSON, as the digest command writes it.").ToException();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        MayVerify = await AllowedAsync(AccessPolicies.Audit);
        if (string.IsNullOrWhiteSpace(CaseId))
        {
            Recent = (await Mediator.Send(new FindCases(Limit: 20), ct)).Items;
            return;
        }

        Timeline = await Mediator.Send(new GetCaseHistory(CaseId), ct);
        var at = DateTime.TryParse(At, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Calendar.Zone.GetUtcOffset(local))
            : (DateTimeOffset?)null;
        var view = await Mediator.Send(new GetCase(CaseId, at is null ? Revision : null, at), ct);
        var unmasked = await CasePrivacy.SeesPersonalDataAsync(User, CaseId, Mediator, ct);
        var type = Catalog.Resolve(view.AffairTypeId, view.DefinitionVersion);
        Replayed = view with { Data = unmasked ? view.Data : CaseDataMask.Apply(type, view.Data) };
        var path = Timeline.Where(e => e.Revision <= view.Revision && e.From is not null && e.To is not null).ToList();
        var visited = path.SelectMany(e => new[] { e.From!, e.To! }).Append(view.State).ToHashSet(StringComparer.Ordinal);
        var taken = path.Select(e => (e.From!, e.To!)).ToHashSet();
        Diagram = StateDiagram.Svg(type, s => StateName(type.Id, s, type.Version), visited, taken);
    }
}
