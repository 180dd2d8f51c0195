namespace Affairs.Domain.Staffing;

/// <summary>
/// Who issues a command: a staff member, an integration client or the system itself (timers), with the roles the
/// caller's credentials grant. Whether the actor is responsible for a particular case step is decided separately.
/// </summary>
/// <param name="Id">The staff id, client id or <c>system</c>.</param>
/// <param name="Roles">The granted roles (see <see cref="ActorRoles"/>).</param>
public sealed record Actor(string Id, IReadOnlySet<string> Roles)
{
    /// <summary>The engine itself, firing timers and reacting to events.</summary>
    public static Actor System { get; } = new("system", new HashSet<string>(StringComparer.Ordinal) { ActorRoles.System });

    /// <summary>Whether the actor holds <paramref name="role"/>.</summary>
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>A staff member or client with the given roles.</summary>
    public static Actor Of(string id, params string[] roles) => new(id, new HashSet<string>(roles, StringComparer.Ordinal));
}
