using Affairs.Domain.AffairTypes.Events;
using Affairs.Domain.Policies.Events;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Publishing;

/// <summary>
/// The streams of published rules — <c>affairtype-{id}</c> and <c>policy-{id}</c> — folded to the versions they hold,
/// and how the commands that publish and retire rules run on them.
/// </summary>
public sealed class RuleStreams : IStateFold<PublishedVersions>
{
    /// <summary>The fold, shared: it is stateless.</summary>
    public static RuleStreams Fold { get; } = new();

    /// <inheritdoc />
    public PublishedVersions Initial => PublishedVersions.None;

    /// <inheritdoc />
    public PublishedVersions Apply(PublishedVersions state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return @event switch
        {
            AffairTypePublished published => state.Publish(published.Version, published.ContentHash),
            AffairTypeRetired retired => state.Retire(retired.Version, retired.Reason),
            PolicyParametersPublished published => state.Publish(published.Version, PolicyCatalog.ContentHash(published)),
            _ => state,
        };
    }

    /// <summary>
    /// Runs a command on one stream of rules: <paramref name="decide"/> returns the events to append (none to change
    /// nothing), and <paramref name="answer"/> answers from the versions as read and the stream's revision after the
    /// command. Publishers send no expected revision: a race is decided again, once, on what the other wrote.
    /// </summary>
    public static Task<TResult> ExecuteAsync<TResult>(
        StreamRepository streams,
        StreamName stream,
        IAffairsCommand command,
        Func<PublishedVersions, IReadOnlyList<object>> decide,
        Func<PublishedVersions, long, TResult> answer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(decide);
        ArgumentNullException.ThrowIfNull(answer);
        return streams.ExecuteAsync(
            stream,
            Fold,
            clientExpected: null,
            command,
            loaded => new Decision<TResult>(decide(loaded.State), revision => answer(loaded.State, revision)),
            cancellationToken);
    }
}
