using Affairs.Domain.AffairTypes;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Host.Endpoints;
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
/// Opens a case at the counter: the resident is found by identity number (a recorded lookup, as through the API) or,
/// for a reader who may see personal data, by name (a recorded search, as through the API), and each affair type
/// open for new cases is offered for them or their household, with the fields its first step needs.
/// </summary>
[Authorize(Policy = AccessPolicies.CasesWrite)]
public sealed class OpenModel : ConsolePage
{
    /// <summary>The identity number looked up.</summary>
    [BindProperty]
    public string? IdentityNumber { get; set; }

    /// <summary>The name, or part of one, searched for.</summary>
    [BindProperty]
    public string? Name { get; set; }

    /// <summary>Whether the reader may search by name: only a reader who may see personal data (the API's rule).</summary>
    public bool CanSearchByName { get; private set; }

    /// <summary>The residents found by name, when the last request was a search.</summary>
    public ResidentMatchPage? Matches { get; private set; }

    /// <summary>The resident found, masked as the API masks it for this reader.</summary>
    public Resident? Resident { get; private set; }

    /// <summary>The households the resident belongs to.</summary>
    public IReadOnlyList<ResidentHousehold> Households { get; private set; } = [];

    /// <summary>The affair types open for new cases.</summary>
    public IReadOnlyList<CompiledAffairType> Types { get; private set; } = [];

    /// <summary>Shows the lookup forms.</summary>
    public async Task OnGetAsync() => CanSearchByName = await AllowedAsync(AccessPolicies.ResidentsLookup);

    /// <summary>Finds residents by name (the same search, and record of it, as the API's), a page at a time.</summary>
    public Task<IActionResult> OnPostSearchAsync(string? cursor, CancellationToken ct) => FindingAsync(async () =>
    {
        Matches = await ResidentEndpoints.SearchAsync(Name, cursor, FindResidentsByName.DefaultLimit, HttpContext, Mediator, ct);
        return null;
    });

    /// <summary>Takes a resident picked from the matches as the applicant.</summary>
    public Task<IActionResult> OnPostChooseAsync(string residentId, CancellationToken ct) => FindingAsync(async () =>
    {
        await LoadAsync(residentId, ct);
        return null;
    });

    /// <summary>Finds the resident by identity number.</summary>
    public Task<IActionResult> OnPostLookupAsync(CancellationToken ct) => FindingAsync(async () =>
    {
        var pseudonym = HttpContext.RequestServices.GetRequiredService<ResidentPseudonym>();
        var found = await ResidentEndpoints.LookUpAsync(IdentityNumber?.Trim(), HttpContext, pseudonym, Mediator, ct);
        if (!found.Registered)
        {
            return Refused(StatusCodes.Status404NotFound, "resident.not-found", Texts["No resident is registered with this identity number."]);
        }

        await LoadAsync(found.ResidentId, ct);
        return null;
    });

    /// <summary>Opens a case of the chosen type for the chosen subject, with the first step's fields.</summary>
    public async Task<IActionResult> OnPostOpenAsync(string affairTypeId, string subjectId, string residentId, CancellationToken ct)
    {
        try
        {
            var type = Catalog.ForNewCase(affairTypeId);
            var data = FormData.Read(Request.Form, type.InitialState.RequiredFields);
            var opened = await Mediator.Send(new OpenCase(affairTypeId, null, subjectId, "counter", data, Context()), ct);
            Notice = Texts["Case opened."];
            return Redirect($"{ConsoleSession.PathPrefix}/cases/{opened.CaseId}");
        }
        catch (CommandRejectedException e)
        {
            CanSearchByName = await AllowedAsync(AccessPolicies.ResidentsLookup);
            await LoadAsync(residentId, ct);
            return Refused(e);
        }
    }

    /// <summary>
    /// Finding a resident reads personal data, so it needs the API's lookup policy; the page again with what was
    /// found, or with the refusal (<paramref name="find"/> answers a refusal of its own, or null for the page).
    /// </summary>
    private async Task<IActionResult> FindingAsync(Func<Task<IActionResult?>> find)
    {
        CanSearchByName = await AllowedAsync(AccessPolicies.ResidentsLookup);
        if (!CanSearchByName)
        {
            return Forbidden();
        }

        try
        {
            return await find() ?? Page();
        }
        catch (CommandRejectedException e)
        {
            return Refused(e);
        }
    }

    private async Task LoadAsync(string residentId, CancellationToken ct)
    {
        var streams = HttpContext.RequestServices.GetRequiredService<StreamRepository>();
        var loaded = await streams.LoadAsync(ResidentStreams.For(residentId), ResidentStreams.Fold, cancellationToken: ct);
        Resident = ConsoleMask.Apply(ResidentStreams.RequireActive(loaded, residentId, allowMovedOut: true), Caller.SeesPersonalData(User));
        Households = await Mediator.Send(new GetResidentHouseholds(residentId), ct);
        Types = [.. Catalog.Ids.Select(id => Catalog.Versions(id).LastOrDefault(v => !v.IsRetired)?.Type).OfType<CompiledAffairType>()];
    }

    /// <summary>Households as the page lists them: each id with the resident's relation, or a dash for none.</summary>
    public static string Listed(IReadOnlyList<ResidentHousehold> households) =>
        households.Count == 0 ? "—" : string.Join(", ", households.Select(h => h.HouseholdId + " (" + h.Relation + ")"));

    /// <summary>The subjects a type may be opened for: the resident, or each of their households.</summary>
    public IEnumerable<string> SubjectsFor(CompiledAffairType type) =>
        type.Definition.Subject == SubjectKind.Household ? Households.Select(h => h.HouseholdId) : [Resident!.Id];
}
