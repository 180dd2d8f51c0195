using Affairs.Domain.AffairTypes;

namespace Affairs.Host.Endpoints;

/// <summary>An affair type in the catalog: its name, the version that opens new cases, and every version.</summary>
internal sealed record AffairTypeSummary(string Id, LocalizedText? Name, int? Current, IReadOnlyList<AffairTypeVersionSummary> Versions);
