using System.Globalization;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Staffing;

namespace Affairs.Workflows.ApiKeys;

/// <summary>The shapes and limits of key fields, shared by the key commands' validators.</summary>
public static class ApiKeyRules
{
    /// <summary>The longest label.</summary>
    public const int MaxLabelLength = 200;

    /// <summary>The longest revocation reason.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The longest grace period of a rotation: a week.</summary>
    public const int MaxGraceMinutes = 7 * 24 * 60;

    /// <summary>The roles a client key may grant; caseworkers and supervisors are staff and get a staff key.</summary>
    public static IReadOnlyList<string> ClientRoles { get; } = [ActorRoles.Auditor, ActorRoles.Administrator, ActorRoles.Integration];

    /// <summary>
    /// What a member of staff may do, as the organisation is now: caseworker, and supervisor too for the section head. A
    /// staff key grants this, and so does a console session opened through the centre's OpenID Connect provider.
    /// </summary>
    public static IReadOnlyList<string> StaffRoles(Organisation organisation, string staffId)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return organisation.SupervisorId == staffId ? [ActorRoles.Caseworker, ActorRoles.Supervisor] : [ActorRoles.Caseworker];
    }

    /// <summary>Whether <paramref name="hash"/> is a SHA-256 in lower-case hex.</summary>
    public static bool IsSecretHash(string? hash) =>
        hash is { Length: 64 } && hash.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Checks a key id (also the shape of staff and client ids, so it never holds the <c>_</c> of a key).</summary>
    public static ValidationErrors KeyId(this ValidationErrors errors, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.AddIf(!StaffIds.IsValid(keyId), "keyId", StaffIds.Rule);
    }

    /// <summary>Checks a secret hash.</summary>
    public static ValidationErrors SecretHash(this ValidationErrors errors, string? hash)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.AddIf(!IsSecretHash(hash), "secretHash", "The secret's SHA-256 in lower-case hex (64 characters).");
    }

    /// <summary>Checks a required text of at most <paramref name="max"/> characters.</summary>
    public static ValidationErrors Text(this ValidationErrors errors, string field, string? text, int max)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.AddIf(string.IsNullOrWhiteSpace(text) || text.Length > max, field, string.Create(CultureInfo.InvariantCulture, $"Required, at most {max} characters."));
    }
}
