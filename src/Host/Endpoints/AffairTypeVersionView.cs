using System.Text.Json;

namespace Affairs.Host.Endpoints;

/// <summary>One version of an affair type as published, with its canonical definition (see <c>schemas/</c>).</summary>
internal sealed record AffairTypeVersionView(string Id, int Version, bool Retired, string? RetiredReason, string ContentHash, JsonElement Definition);
