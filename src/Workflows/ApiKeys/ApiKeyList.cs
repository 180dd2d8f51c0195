namespace Affairs.Workflows.ApiKeys;

/// <summary>Every key of the centre, in the order they were issued.</summary>
/// <param name="Keys">The keys.</param>
/// <param name="Revision">The key register's revision.</param>
public sealed record ApiKeyList(IReadOnlyList<ApiKeyView> Keys, long Revision);
