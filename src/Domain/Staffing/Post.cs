namespace Affairs.Domain.Staffing;

/// <summary>A post and who holds it now.</summary>
/// <param name="Id">The post id (<c>dibao</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="AffairTypes">The affair types it serves.</param>
/// <param name="TakeoverDelayWorkingDays">Working days A has on a step before B takes it over.</param>
/// <param name="AHolderId">The A holder (主办), if assigned.</param>
/// <param name="BHolderId">The B holder (协办), if assigned.</param>
public sealed record Post(string Id, string Name, IReadOnlyList<string> AffairTypes, int TakeoverDelayWorkingDays, string? AHolderId, string? BHolderId);
