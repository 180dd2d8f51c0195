using System.Text.Json;

namespace Affairs.Host.Endpoints;

/// <summary>Opens a case: the affair type (and optionally a pinned version), the subject, the channel and initial data.</summary>
internal sealed record OpenCaseRequest(string AffairTypeId, string SubjectId, string? Channel, int? Version, Dictionary<string, JsonElement>? Data);

/// <summary>Fires a trigger: the reason (required by some transitions) and the data the transition sets.</summary>
internal sealed record FireTriggerRequest(string? Reason, Dictionary<string, JsonElement>? Data);

/// <summary>Corrects case data outside a transition.</summary>
internal sealed record AmendDataRequest(Dictionary<string, JsonElement> Changes, string Reason);

/// <summary>Records a received document by its metadata and SHA-256.</summary>
internal sealed record AttachMaterialRequest(string MaterialId, string FileName, string MediaType, long SizeBytes, string ContentHash);

/// <summary>A note on a case.</summary>
internal sealed record AddNoteRequest(string Text);

/// <summary>The applicant's reason for withdrawing.</summary>
internal sealed record WithdrawRequest(string? Reason);

/// <summary>The supervisor gives the current step to someone, with a reason.</summary>
internal sealed record ReassignRequest(string ToStaffId, string Reason);
