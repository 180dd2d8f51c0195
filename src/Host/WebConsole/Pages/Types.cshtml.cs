using System.Text;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Rejections;
using Affairs.Host.Security;
using Affairs.Workflows.AffairTypes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// Affair types for the administrator: every type with its versions and the diagram of each, and an editor that
/// validates a new version (every problem at its JSON path, as the validate route answers) and publishes it.
/// </summary>
[Authorize(Policy = AccessPolicies.Administer)]
public sealed class TypesModel : ConsolePage
{
    /// <summary>The type shown.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    /// <summary>The version shown.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    /// <summary>The definition in the editor.</summary>
    [BindProperty]
    public string? Definition { get; set; }

    /// <summary>The problems of the definition checked, at their JSON paths.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; private set; } = [];

    /// <summary>Whether the definition checked has no problem.</summary>
    public bool Valid { get; private set; }

    /// <summary>The diagram of the version shown, or of the definition checked.</summary>
    public string? Diagram { get; private set; }

    /// <summary>Every type's versions.</summary>
    public IReadOnlyList<IReadOnlyList<AffairTypeVersion>> Types => [.. Catalog.Ids.Select(Catalog.Versions)];

    /// <summary>Shows the types, and the chosen version's diagram and definition in the editor.</summary>
    public void OnGet()
    {
        if (Id is null || Catalog.Versions(Id).FirstOrDefault(v => v.Type.Version == Version) is not { } shown)
        {
            return;
        }

        Diagram = StateDiagram.Svg(shown.Type, s => StateName(shown.Type.Id, s, shown.Type.Version));
        Definition = Encoding.UTF8.GetString(shown.Type.CanonicalJson.Span);
    }

    /// <summary>Checks the definition in the editor and shows its problems, or its diagram.</summary>
    public void OnPostValidate() => Check();

    /// <summary>Publishes the definition in the editor as a new version.</summary>
    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        try
        {
            var published = await Mediator.Send(new PublishAffairType(Definition ?? string.Empty, Context()), ct);
            Notice = Texts["Published {0} version {1}.", published.AffairTypeId, published.Version];
            return RedirectToPage(new { id = published.AffairTypeId, version = published.Version });
        }
        catch (CommandRejectedException e)
        {
            Check();
            return Refused(e);
        }
    }

    /// <summary>Validates and compiles as publishing would, without publishing.</summary>
    private void Check()
    {
        try
        {
            var compiled = Catalog.Compile(Definition ?? string.Empty);
            Valid = true;
            Diagram = StateDiagram.Svg(compiled, s => StateName(compiled.Id, s, compiled.Version));
        }
        catch (CommandRejectedException e) when (e.Details.GetValueOrDefault("problems") is IReadOnlyList<DefinitionProblem> problems)
        {
            Problems = problems;
        }
    }
}
