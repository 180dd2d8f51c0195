using System.Collections.Frozen;

namespace Affairs.Domain.AffairTypes;

/// <summary>
/// Who is acting on a case, as guards and transition checks see it.
/// </summary>
/// <param name="Id">The actor's id (staff id, resident id, or <c>system</c>); guards read it as <c>actor.id</c>.</param>
/// <param name="Roles">The roles the actor holds for this case, worked out by the caller (responsibility rules live elsewhere).</param>
/// <param name="Post">The post the actor acts for, if any; guards read it as <c>actor.post</c>.</param>
public sealed record CaseActor(string Id, IReadOnlySet<CaseRole> Roles, string? Post = null)
{
    /// <summary>The engine firing a timer.</summary>
    public static CaseActor System { get; } = new("system", new[] { CaseRole.System }.ToFrozenSet());
}
