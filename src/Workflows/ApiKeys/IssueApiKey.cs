using System.Text.Json.Serialization;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.ApiKeys.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Staffing;
using Mediator;

namespace Affairs.Workflows.ApiKeys;

/// <summary>
/// Issues an API key bound to a member of staff (<paramref name="StaffId"/>: the key grants caseworker, and supervisor
/// if they are the section head) or to an integration client (<paramref name="ClientId"/> with explicit roles and
/// scopes). The caller made the secret and sends only its hash.
/// </summary>
/// <param name="KeyId">The new key's id (the caller names it in the key it made).</param>
/// <param name="Label">What the key is for.</param>
/// <param name="StaffId">The member of staff the key acts as.</param>
/// <param name="ClientId">The integration client the key acts as.</param>
/// <param name="Roles">A client key's roles (<see cref="ApiKeyRules.ClientRoles"/>); none for a staff key.</param>
/// <param name="Scopes">A client key's scopes; an integration key needs at least one.</param>
/// <param name="SecretHash">
/// SHA-256 of the whole key, lower-case hex. Left out of the payload an idempotency key is checked against: a retried
/// request brings a freshly made secret, and is still the same request.
/// </param>
/// <param name="ExpiresAt">When the key stops working by itself, or null.</param>
/// <param name="Context">Who issues it, and tracing.</param>
public sealed record IssueApiKey(
    string KeyId,
    string Label,
    string? StaffId,
    string? ClientId,
    IReadOnlyList<string>? Roles,
    IReadOnlyList<string>? Scopes,
    [property: JsonIgnore] string SecretHash,
    DateTimeOffset? ExpiresAt,
    CommandContext Context) : ICommand<ApiKeyRevision>, IAffairsCommand;

internal sealed class IssueApiKeyValidator : ICommandValidator<IssueApiKey>
{
    public void Validate(IssueApiKey command, ValidationErrors errors)
    {
        errors.KeyId(command.KeyId).Text("label", command.Label, ApiKeyRules.MaxLabelLength).SecretHash(command.SecretHash)
            .AddIf((command.StaffId is null) == (command.ClientId is null), "staffId", "Bind the key to a member of staff (staffId) or to an integration client (clientId): one of the two.");
        var roles = command.Roles ?? [];
        var scopes = command.Scopes ?? [];
        if (command.StaffId is not null)
        {
            errors.AddIf(!StaffIds.IsValid(command.StaffId), "staffId", StaffIds.Rule)
                .AddIf(roles.Count > 0, "roles", "A staff key's roles come from what the member of staff is; give none.")
                .AddIf(scopes.Count > 0, "scopes", "Scopes are for integration clients; a staff key takes none.");
            return;
        }

        if (command.ClientId is null)
        {
            return;
        }

        errors.AddIf(!StaffIds.IsValid(command.ClientId), "clientId", StaffIds.Rule)
            .AddIf(roles.Count == 0 || roles.Any(r => !ApiKeyRules.ClientRoles.Contains(r)), "roles", $"One or more of: {string.Join(", ", ApiKeyRules.ClientRoles)}.")
            .AddIf(roles.Contains(ActorRoles.Integration) && scopes.Count == 0, "scopes", "An integration key needs at least one scope.")
            .AddIf(!roles.Contains(ActorRoles.Integration) && scopes.Count > 0, "scopes", "Scopes are for the integration role.");
    }
}

internal sealed class IssueApiKeyHandler(ApiKeyStreams keys, OrganisationDirectory directory, TimeProvider time) : ICommandHandler<IssueApiKey, ApiKeyRevision>
{
    public async ValueTask<ApiKeyRevision> Handle(IssueApiKey command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var roles = await RolesAsync(command, cancellationToken).ConfigureAwait(false);
        new ValidationErrors().AddIf(command.ExpiresAt is { } expires && expires <= now, "expiresAt", "An expiry lies in the future.").ThrowIfAny();
        return await keys.ExecuteAsync(
            command,
            command.KeyId,
            expectedRevision: null,
            register =>
            {
                if (register.Find(command.KeyId) is not null)
                {
                    throw new CommandRejectedException(RejectionKind.Conflict, "apikey.exists", "A key with this id was already issued.");
                }

                if (register.Keys.Values.Any(k => k.SecretHash == command.SecretHash))
                {
                    throw new CommandRejectedException(RejectionKind.Conflict, "apikey.secret-in-use", "Another key has this secret; make a new one.");
                }

                return
                [
                    new ApiKeyIssued(command.KeyId, command.Label.Trim(), command.StaffId, command.ClientId, roles, [.. (command.Scopes ?? []).Distinct(StringComparer.Ordinal)],
                        command.SecretHash, command.Context.Actor.Id, now, command.ExpiresAt),
                ];
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A staff key's roles come from the organisation as it is now; a client key's are given.</summary>
    private async Task<IReadOnlyList<string>> RolesAsync(IssueApiKey command, CancellationToken cancellationToken)
    {
        if (command.StaffId is not { } staffId)
        {
            return [.. (command.Roles ?? []).Distinct(StringComparer.Ordinal)];
        }

        var (organisation, _) = await directory.CurrentAsync(cancellationToken).ConfigureAwait(false);
        var errors = new ValidationErrors();
        OrganisationCommand.RequireStaff(organisation, errors, "staffId", staffId);
        errors.ThrowIfAny();
        return ApiKeyRules.StaffRoles(organisation, staffId);
    }
}
