namespace Affairs.Host.Endpoints;

/// <summary>Adds a member with the relation to the head.</summary>
internal sealed record AddMemberRequest(string ResidentId, string Relation);
