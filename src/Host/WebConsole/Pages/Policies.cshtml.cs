using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Policies;
using Affairs.Host.Security;
using Affairs.Workflows.Policies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// Policy parameter sets for the administrator: every set with its newest version, one set's versions with their
/// effective dates and values, and publishing a new version, refused by field as the publish route refuses it.
/// </summary>
[Authorize(Policy = AccessPolicies.Administer)]
public sealed class PoliciesModel : AdministrationPage
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The set shown.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The set to publish a version of.</summary>
    [BindProperty]
    public string? PolicyId { get; set; }

    /// <summary>The version to publish.</summary>
    [BindProperty]
    public int? Version { get; set; }

    /// <summary>Its first day in force, as <c>yyyy-MM-dd</c>.</summary>
    [BindProperty]
    public string? EffectiveFrom { get; set; }

    /// <summary>Its values, as a JSON object.</summary>
    [BindProperty]
    public string? Values { get; set; }

    /// <summary>Every set that has a version, by id: the sets of the affair types, as the API lists them.</summary>
    public IReadOnlyList<PolicyTimeline> Sets { get; private set; } = [];

    /// <summary>The versions of the set shown, or null.</summary>
    public PolicyTimeline? Timeline { get; private set; }

    /// <summary>Today in the centre.</summary>
    public DateOnly Today => Calendar.LocalDate(Now);

    /// <summary>Shows the sets and, for the set chosen, its versions and a form for the next one; 404 for a set with none.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Timeline is not { } timeline)
        {
            PolicyId = Id;
            Version = 1;
            return Id is null ? Page() : Refused(StatusCodes.Status404NotFound, "policy.not-found", "No version of this policy is published.");
        }

        var newest = timeline.Versions.MaxBy(v => v.Version)!;
        PolicyId = newest.Id;
        Version = newest.Version + 1;
        Values = JsonSerializer.Serialize(newest.Values, Indented);
        return Page();
    }

    /// <summary>Publishes the version in the form.</summary>
    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => AttemptAsync(
        async () => await Mediator.Send(new PublishPolicyParameters(PolicyId?.Trim() ?? string.Empty, Version ?? 0, Day(), ParsedValues(), Context()), ct),
        published => Texts["Published policy {0} version {1}.", published.PolicyId, published.Version].Value,
        published => new { id = published.PolicyId },
        ct);

    internal override Task LoadAsync(CancellationToken ct)
    {
        var policies = HttpContext.RequestServices.GetRequiredService<PolicyCatalog>();
        Sets = [.. Catalog.Ids.Order(StringComparer.Ordinal).Select(policies.Timeline).Where(t => t.Versions.Count > 0)];
        Timeline = Id is null ? null : Sets.FirstOrDefault(t => t.Versions[0].Id == Id);
        return Task.CompletedTask;
    }

    /// <summary>The first day in force; an empty or unreadable date is left for the engine to refuse by field.</summary>
    private DateOnly Day() =>
        DateOnly.TryParseExact(EffectiveFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : default;

    /// <summary>The values as the API receives them: a JSON object, refused at the path where it stops being one.</summary>
    private Dictionary<string, JsonElement> ParsedValues()
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Values ?? string.Empty)
                ?? throw Unreadable("values", Texts["Give the values as one JSON object of names and values."]);
        }
        catch (JsonException e)
        {
            // Where, never what: the reader has the text in front of them.
            var path = e.Path is { Length: > 1 } at ? at[1..] : string.Empty;
            throw Unreadable("values" + path, Texts["Not readable as names and values here (line {0}).", (e.LineNumber ?? 0) + 1]);
        }
    }
}
