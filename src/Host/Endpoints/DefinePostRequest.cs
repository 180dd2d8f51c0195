namespace Affairs.Host.Endpoints;

/// <summary>Defines or redefines a post.</summary>
internal sealed record DefinePostRequest(string Name, List<string> AffairTypes, int? TakeoverDelayWorkingDays);
