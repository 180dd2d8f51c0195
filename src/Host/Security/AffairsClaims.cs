namespace Affairs.Host.Security;

/// <summary>The claim types the host reads, whether the caller came with an API key or a JWT.</summary>
internal static class AffairsClaims
{
    /// <summary>The actor id: the staff id for staff, the client id for integration clients.</summary>
    public const string Subject = "sub";

    /// <summary>A role (caseworker, supervisor, auditor, administrator, integration); may repeat.</summary>
    public const string Role = "role";

    /// <summary>An integration scope; may repeat, or be one space-separated claim as OAuth writes it.</summary>
    public const string Scope = "scope";

    /// <summary>The staff member a token acts as, where it differs from <see cref="Subject"/>.</summary>
    public const string StaffId = "staff_id";
}
