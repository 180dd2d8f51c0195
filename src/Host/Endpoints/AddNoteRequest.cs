namespace Affairs.Host.Endpoints;

/// <summary>A note on a case.</summary>
internal sealed record AddNoteRequest(string Text);
