using System.Globalization;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Calendar;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Host.Problems;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Commands;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Affairs.Host.WebConsole;

/// <summary>
/// What every console page shares: the signed-in actor, the engine's queries and commands sent as that actor, the
/// API's authorization policies, an engine refusal shown as the page's problem, and times and texts in the reader's
/// language.
/// </summary>
public abstract class ConsolePage : PageModel
{
    /// <summary>The problem to show at the top of the page, if the last request was refused.</summary>
    public ConsoleProblem? Problem { get; private set; }

    /// <summary>A confirmation to show at the top of the page.</summary>
    [TempData]
    public string? Notice { get; set; }

    /// <summary>The signed-in actor, as the engine sees them.</summary>
    public Actor Actor => Caller.ActorOf(User);

    /// <summary>Whether the reader sees the console in English.</summary>
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    internal IStringLocalizer<ConsoleText> Texts => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ConsoleText>>();

    internal IMediator Mediator => HttpContext.RequestServices.GetRequiredService<IMediator>();

    internal WorkingDayCalendar Calendar => HttpContext.RequestServices.GetRequiredService<CalendarCatalog>().Current;

    internal DateTimeOffset Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>A command context for the signed-in actor, as the API builds it for a request.</summary>
    internal CommandContext Context() => RequestCommands.Context(HttpContext);

    /// <summary>Whether one of the API's authorization policies admits the signed-in actor.</summary>
    internal async Task<bool> AllowedAsync(string policy) =>
        (await HttpContext.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(User, policy)).Succeeded;

    /// <summary>The page again, with the engine's refusal at the top and the refusal's HTTP status.</summary>
    internal IActionResult Refused(CommandRejectedException rejection)
    {
        var errors = rejection.Details.GetValueOrDefault("errors") as IReadOnlyDictionary<string, string[]>;
        return Refused(ApiProblems.Describe(rejection).Status, rejection.Code, rejection.Message, errors);
    }

    /// <summary>The page again, with a refusal at the top.</summary>
    internal IActionResult Refused(int status, string code, string message, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        Problem = new ConsoleProblem(code, message, errors ?? new Dictionary<string, string[]>());
        Response.StatusCode = status;
        return Page();
    }

    /// <summary>A refusal for a role the API's policy does not admit: 403, as the API answers.</summary>
    internal IActionResult Forbidden() => Refused(StatusCodes.Status403Forbidden, ProblemCodes.Forbidden, "Your role or scopes do not allow this request.");

    /// <summary>An instant in the centre's time zone, formatted for the reader's culture.</summary>
    public string Local(DateTimeOffset? instant) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, Calendar.Zone).ToString("g", CultureInfo.CurrentCulture) : "—";

    /// <summary>Working days from now to <paramref name="deadline"/>; negative when it has passed.</summary>
    public int WorkingDaysLeft(DateTimeOffset deadline) =>
        deadline >= Now ? Calendar.WorkingDaysBetween(Now, deadline) : -Calendar.WorkingDaysBetween(deadline, Now);

    /// <summary>A definition's label in the reader's language, or the name when it has none.</summary>
    public static string Label(LocalizedText? text, string name) =>
        text is null ? name : English ? (text.En.Length > 0 ? text.En : name) : (text.ZhCn.Length > 0 ? text.ZhCn : name);

    /// <summary>An affair type's name in the reader's language, from its newest version.</summary>
    public string TypeName(string affairTypeId) =>
        Catalog.Versions(affairTypeId) is [.., var newest] ? Label(newest.Type.Definition.Name, affairTypeId) : affairTypeId;

    /// <summary>A state's label in the reader's language, from the given version or the newest.</summary>
    public string StateName(string affairTypeId, string state, int? version = null)
    {
        var versions = Catalog.Versions(affairTypeId);
        var type = versions.FirstOrDefault(v => v.Type.Version == version)?.Type ?? (versions.Count > 0 ? versions[^1].Type : null);
        return Label(type?.Definition.States.FirstOrDefault(s => s.Name == state)?.Label, state);
    }

    internal AffairTypeCatalog Catalog => HttpContext.RequestServices.GetRequiredService<AffairTypeCatalog>();

    /// <summary>A trigger's name in the reader's language where the console knows it, else the trigger as defined.</summary>
    public string TriggerName(string trigger) => Texts["Trigger." + trigger] is { ResourceNotFound: false } text ? text.Value : trigger;

    /// <summary>Whether the signed-in actor holds a role.</summary>
    public bool Has(string role) => Caller.Roles(User).Contains(role);
}
