namespace Affairs.Host.OpenApi;

/// <summary>The operation reads <c>If-Match</c> (a stale revision answers 409 with <c>currentRevision</c>).</summary>
internal sealed class IfMatchMetadata
{
    public static IfMatchMetadata Instance { get; } = new();
}

/// <summary>The operation's success answer carries the resource's revision as an <c>ETag</c>.</summary>
internal sealed class ETagMetadata
{
    public static ETagMetadata Instance { get; } = new();
}

/// <summary>A POST that changes nothing (a check or a computation): no idempotency key, no conflict.</summary>
internal sealed class ReadOnlyOperationMetadata
{
    public static ReadOnlyOperationMetadata Instance { get; } = new();
}

/// <summary>A read that records itself as an event (a lookup of personal data), so its answer carries <c>X-Affairs-Position</c>.</summary>
internal sealed class RecordedReadMetadata
{
    public static RecordedReadMetadata Instance { get; } = new();
}

/// <summary>A route outside <c>/api</c> that reads the store, and so answers 503 while the store cannot be reached.</summary>
internal sealed class StoreBackedMetadata
{
    public static StoreBackedMetadata Instance { get; } = new();
}

/// <summary>The operation reads the read models: it takes <c>minPosition</c> and may answer 503 <c>projection.behind</c>.</summary>
internal sealed class BoardReadMetadata
{
    public static BoardReadMetadata Instance { get; } = new();
}

/// <summary>
/// What a route declares about its headers beyond what the framework sees; <see cref="OperationContract"/> turns it
/// into parameters, response headers and problem answers.
/// </summary>
internal static class ContractMetadata
{
    /// <summary>The route reads <c>If-Match</c> and answers the new revision as <c>ETag</c>.</summary>
    public static TBuilder WithIfMatch<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(IfMatchMetadata.Instance);

    /// <summary>The route's success answer carries an <c>ETag</c>.</summary>
    public static TBuilder WithETag<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ETagMetadata.Instance);

    /// <summary>The route (outside <c>/api</c>, where every route does) reads the store.</summary>
    public static TBuilder ReadsStore<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(StoreBackedMetadata.Instance);

    /// <summary>The route is a POST that writes nothing.</summary>
    public static TBuilder ReadsOnly<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ReadOnlyOperationMetadata.Instance);

    /// <summary>The route is a POST that changes nothing but records that it was asked (an event), so it answers the position of that record.</summary>
    public static TBuilder RecordsRead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(ReadOnlyOperationMetadata.Instance, RecordedReadMetadata.Instance);

    /// <summary>The route reads the read models: given <c>minPosition</c> it waits for them to reach it (bounded; then 503 <c>projection.behind</c>).</summary>
    public static TBuilder ReadsBoard<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => Requests.LogPositions.WaitForMinPosition(builder);
}
