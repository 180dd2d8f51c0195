namespace Affairs.Domain.Staffing;

/// <summary>The roles credentials can grant.</summary>
public static class ActorRoles
{
    /// <summary>A caseworker, bound to a staff id: works the posts they hold.</summary>
    public const string Caseworker = "caseworker";

    /// <summary>The section head: may act on any case and reassign, always with a reason.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Read-only, with full history and unmasked personal data.</summary>
    public const string Auditor = "auditor";

    /// <summary>Defines affair types and the organisation.</summary>
    public const string Administrator = "administrator";

    /// <summary>A district system integrating through the API, limited by its scopes.</summary>
    public const string Integration = "integration";

    /// <summary>The engine itself (timers, reactions to events).</summary>
    public const string System = "system";
}
