using System.Text.Json;

namespace Affairs.Host.Endpoints;

/// <summary>Opens a case: the affair type (and optionally a pinned version), the subject, the channel and initial data.</summary>
internal sealed record OpenCaseRequest(string AffairTypeId, string SubjectId, string? Channel, int? Version, Dictionary<string, JsonElement>? Data);
