namespace Affairs.Benchmarks;

/// <summary>The benchmark event as a CLR type, for Marten, which serialises objects: the same fields as the JSON payload.</summary>
internal sealed record MartenTransition(
    string CaseId,
    string Trigger,
    string From,
    string To,
    string ActorId,
    string ActingRole,
    string PostId,
    string? Reason,
    DateTimeOffset DecisionTime,
    int DefinitionVersion,
    Dictionary<string, int> Data);
