using System.Text.Json;

namespace Affairs.Host.Endpoints;

/// <summary>Corrects case data outside a transition.</summary>
internal sealed record AmendDataRequest(Dictionary<string, JsonElement> Changes, string Reason);
