using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Staffing;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole;

/// <summary>
/// An administrator's page over one part of the centre's set-up (policies, organisation, calendars, keys): a form that
/// the engine refuses shows the page again as it was, with the refusal at the top and its field errors by path; one it
/// accepts comes back to the page with the confirmation and the engine's warnings.
/// </summary>
public abstract class AdministrationPage : ConsolePage
{
    /// <summary>Reads what the page shows.</summary>
    internal abstract Task LoadAsync(CancellationToken ct);

    /// <summary>Runs <paramref name="act"/> and answers with <paramref name="done"/>; a refusal shows the page again with it.</summary>
    internal async Task<IActionResult> AttemptAsync<T>(Func<Task<T>> act, Func<T, Task<IActionResult>> done, CancellationToken ct)
    {
        T answer;
        try
        {
            answer = await act();
        }
        catch (CommandRejectedException e)
        {
            await LoadAsync(ct);
            return Refused(e);
        }

        return await done(answer);
    }

    /// <summary>Runs <paramref name="act"/>; when it succeeds, back to the page (with <paramref name="route"/>) and the confirmation.</summary>
    internal Task<IActionResult> AttemptAsync<T>(Func<Task<T>> act, Func<T, string> confirmation, Func<T, object?>? route, CancellationToken ct) =>
        AttemptAsync(act, answer =>
        {
            Notice = confirmation(answer);
            return Task.FromResult<IActionResult>(RedirectToPage(route?.Invoke(answer)));
        }, ct);

    /// <summary>
    /// What the form of <paramref name="handler"/> sent for <paramref name="field"/>, when this answer shows it refused;
    /// otherwise <paramref name="shown"/>. A refused form keeps what the person entered.
    /// </summary>
    public string? Sent(string handler, string field, string? shown) => SentBy(handler) ? Request.Form[field].ToString() : shown;

    /// <summary>Whether the form of <paramref name="handler"/> sent <paramref name="value"/> for <paramref name="field"/>, else <paramref name="shown"/>.</summary>
    public bool SentOne(string handler, string field, string value, bool shown) => SentBy(handler) ? Request.Form[field].Contains(value) : shown;

    private bool SentBy(string handler) =>
        Problem is not null && Request.HasFormContentType && string.Equals(Request.Query["handler"], handler, StringComparison.OrdinalIgnoreCase);

    /// <summary>A confirmation followed by the engine's warnings, each marked as one.</summary>
    internal string Confirmation(string text, IReadOnlyList<string> warnings) =>
        string.Join(" ", [text, .. warnings.Select(w => Texts["Warning: {0}", w].Value)]);

    /// <summary>The organisation now, as the API reads it.</summary>
    internal async Task<Organisation> OrganisationAsync(CancellationToken ct) =>
        (await HttpContext.RequestServices.GetRequiredService<OrganisationDirectory>().CurrentAsync(ct)).Organisation;

    /// <summary>The refusal of input the console could not read, at its field, as the engine refuses what it cannot accept.</summary>
    internal static CommandRejectedException Unreadable(string field, string message) => new ValidationErrors().Add(field, message).ToException();
}
