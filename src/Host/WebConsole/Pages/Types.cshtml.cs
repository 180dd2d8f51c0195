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
/// checks a new version (every problem at its JSON path, as the validate route answers), previews its diagram and
/// publishes it. The check runs as the administrator types (<see cref="OnPostCheck"/>, asked by the console's script)
/// and from the Validate button, which works without script.
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

    /// <summary>Whether the definition in the editor was checked on this request.</summary>
    public bool Checked { get; private set; }

    /// <summary>The problems of the definition checked, at their JSON paths.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; private set; } = [];

    /// <summary>Whether the definition checked has no problem.</summary>
    public bool Valid { get; private set; }

    /// <summary>The diagram of the version shown.</summary>
    public string? Diagram { get; private set; }

    /// <summary>The diagram of the definition checked, when it compiles.</summary>
    public string? Preview { get; private set; }

    /// <summary>Every type's versions.</summary>
    public IReadOnlyList<IReadOnlyList<AffairTypeVersion>> Types => [.. Catalog.Ids.Select(Catalog.Versions)];

    /// <summary>The check's outcome in a sentence: no problems, or how many.</summary>
    public string Summary => Valid ? Texts["No problems: this definition can be published."]
        : Problems.Count == 1 ? Texts["1 problem"] : Texts["{0} problems", Problems.Count];

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

    /// <summary>
    /// Checks the definition in the editor as the Validate button does and answers JSON instead of the page: the
    /// outcome, every problem at its JSON path in the reader's language, and the diagram preview when it compiles.
    /// </summary>
    public JsonResult OnPostCheck()
    {
        Check();
        return new JsonResult(new DefinitionCheckView(
            Valid,
            Summary,
            [.. Problems.Select(p => new DefinitionProblemView(p.Path, p.Code, Explain(p), p.Message))],
            Preview));
    }

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

    /// <summary>What kind of problem this is, in the reader's language; the engine's own sentence says where and why.</summary>
    public string Explain(DefinitionProblem problem) =>
        Texts["DefinitionProblem." + problem.Code] is { ResourceNotFound: false } text ? text.Value : problem.Code;

    /// <summary>Validates and compiles as publishing would, without publishing.</summary>
    private void Check()
    {
        Checked = true;
        try
        {
            var compiled = Catalog.Compile(Definition ?? string.Empty);
            Valid = true;
            Preview = StateDiagram.Svg(compiled, s => Label(compiled.State(s).Definition.Label, s));
        }
        catch (CommandRejectedException e) when (e.Details.GetValueOrDefault("problems") is IReadOnlyList<DefinitionProblem> problems)
        {
            Problems = problems;
        }
    }
}

/// <summary>The live check of a definition, as the editor's script reads it.</summary>
/// <param name="Valid">Whether the definition can be published.</param>
/// <param name="Summary">The outcome in a sentence, in the reader's language.</param>
/// <param name="Problems">Every problem at its JSON path.</param>
/// <param name="Diagram">The diagram preview as SVG, drawn and escaped on the server, when the definition compiles.</param>
public sealed record DefinitionCheckView(bool Valid, string Summary, IReadOnlyList<DefinitionProblemView> Problems, string? Diagram);

/// <summary>One problem of a definition checked.</summary>
/// <param name="Path">Where it is, as a JSON path.</param>
/// <param name="Code">Its stable code, as the validate route answers.</param>
/// <param name="Kind">What kind of problem it is, in the reader's language.</param>
/// <param name="Message">The engine's sentence saying where and why.</param>
public sealed record DefinitionProblemView(string Path, string Code, string Kind, string Message);
