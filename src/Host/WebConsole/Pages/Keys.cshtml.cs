using System.Globalization;
using Affairs.Host.Security;
using Affairs.Workflows.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Affairs.Host.WebConsole.Pages;

/// <summary>
/// API keys for the administrator: every key with its binding and status (never a secret), issuing a key, rotating and
/// revoking one. A new secret is written into the one answer that issues or rotates it, never stored for a later page:
/// it is shown this once.
/// </summary>
[Authorize(Policy = AccessPolicies.Administer)]
public sealed class KeysModel : AdministrationPage
{
    /// <summary>Every key, in the order issued.</summary>
    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];

    /// <summary>The staff a key may be bound to.</summary>
    public IReadOnlyList<string> Staff { get; private set; } = [];

    /// <summary>The key just issued or rotated, with its secret; null on every other answer.</summary>
    internal IssuedApiKey? Issued { get; private set; }

    /// <summary>The roles a client key may grant.</summary>
    public static IReadOnlyList<string> ClientRoles => ApiKeyRules.ClientRoles;

    /// <summary>The scopes a client key may grant.</summary>
    public static IReadOnlyList<string> AllScopes => Scopes.All;

    /// <summary>Shows the keys.</summary>
    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>Issues a key bound to a member of staff, or to a client with roles and scopes, and shows its secret once.</summary>
    public Task<IActionResult> OnPostIssueAsync(string? label, string? staffId, string? clientId, string[]? roles, string[]? scopes, string? expiresAt, CancellationToken ct) =>
        AttemptAsync(
            () => Issuer.IssueAsync(
                new ApiKeyBinding(Given(staffId), Given(clientId), roles is { Length: > 0 } ? roles : null, scopes is { Length: > 0 } ? scopes : null),
                label ?? string.Empty,
                Expiry(expiresAt),
                Context(),
                ct),
            ShowAsync,
            ct);

    /// <summary>Gives a key a new secret and shows it once.</summary>
    public Task<IActionResult> OnPostRotateAsync(string keyId, long? revision, int? graceMinutes, CancellationToken ct) =>
        AttemptAsync(() => Issuer.RotateAsync(keyId, graceMinutes ?? 0, revision, Context(), ct), ShowAsync, ct);

    /// <summary>Revokes a key at once, with the reason.</summary>
    public Task<IActionResult> OnPostRevokeAsync(string keyId, long? revision, string? reason, CancellationToken ct) => AttemptAsync(
        () => Issuer.RevokeAsync(keyId, reason ?? string.Empty, revision, Context(), ct),
        revoked => Texts["Key {0} revoked.", revoked.KeyId].Value,
        _ => null,
        ct);

    /// <summary>What a key acts as, for people.</summary>
    public string BoundTo(ApiKeyView key) => key.StaffId is { } staff
        ? Texts["Member of staff {0}", staff]
        : Texts["Client {0}", key.ClientId ?? "—"];

    internal override async Task LoadAsync(CancellationToken ct)
    {
        Keys = (await Mediator.Send(new ListApiKeys(), ct)).Keys;
        Staff = [.. (await OrganisationAsync(ct)).Staff.Order(StringComparer.Ordinal)];
    }

    private ApiKeyIssuer Issuer => HttpContext.RequestServices.GetRequiredService<ApiKeyIssuer>();

    /// <summary>The page with the key's secret in this answer only.</summary>
    private async Task<IActionResult> ShowAsync(IssuedApiKey issued)
    {
        Issued = issued;
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A <c>datetime-local</c> expiry, read in the centre's time zone; none when left empty.</summary>
    private DateTimeOffset? Expiry(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Calendar.Zone.GetUtcOffset(local))
            : throw Unreadable("expiresAt", Texts["A date and time is required."]);
    }
}
