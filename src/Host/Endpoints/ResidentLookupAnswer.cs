namespace Affairs.Host.Endpoints;

/// <summary>The resident id an identity number maps to (whether or not the resident is registered).</summary>
internal sealed record ResidentLookupAnswer(string ResidentId);
