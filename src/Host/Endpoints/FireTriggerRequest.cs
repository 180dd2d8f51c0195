using System.Text.Json;

namespace Affairs.Host.Endpoints;

/// <summary>Fires a trigger: the reason (required by some transitions) and the data the transition sets.</summary>
internal sealed record FireTriggerRequest(string? Reason, Dictionary<string, JsonElement>? Data);
