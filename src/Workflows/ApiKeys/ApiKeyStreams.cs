using Affairs.Domain.Rejections;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.ApiKeys;

/// <summary>
/// The centre's one key stream, <c>apikeys-{CentreId}</c>, and its fold. One stream keeps the register small to load
/// whole (a host indexes every key at start) and lets a key command check the whole register (a secret used twice).
/// </summary>
public sealed class ApiKeyStreams(StreamRepository streams, AffairsOptions options) : IStateFold<ApiKeyRegister>
{
    /// <summary>The stream category; it stays out of the integration feed.</summary>
    public const string Category = "apikeys";

    /// <summary>The key stream.</summary>
    public StreamName Stream { get; } = StreamName.For(Category, options.CentreId);

    /// <inheritdoc />
    public ApiKeyRegister Initial => ApiKeyRegister.Empty;

    /// <inheritdoc />
    public ApiKeyRegister Apply(ApiKeyRegister state, object @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Apply(@event);
    }

    /// <summary>
    /// The register with what was appended after <paramref name="from"/> folded in (from <see cref="ApiKeyRegister.Empty"/>:
    /// the whole stream). A host refreshes its key index with it.
    /// </summary>
    public async Task<ApiKeyRegister> CatchUpAsync(ApiKeyRegister from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        var register = from;
        await foreach (var recorded in streams.Store.ReadStreamAsync(Stream, ReadDirection.Forwards, from.Revision + 1, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            register = register.Apply(streams.Codec.Decode(recorded).Event);
        }

        return register;
    }

    /// <summary>The key <paramref name="keyId"/>, refusing one never issued (404, without echoing the id).</summary>
    public static ApiKey Require(ApiKeyRegister register, string keyId)
    {
        ArgumentNullException.ThrowIfNull(register);
        return register.Find(keyId) ?? throw CommandRejectedException.NotFound("apikey.not-found", "No API key with this id was issued.");
    }

    /// <summary>
    /// Runs a command on one key: <paramref name="decide"/> gets the register and returns the events (none to change
    /// nothing). <paramref name="expectedRevision"/> is compared with the key's own revision, so a change to another key
    /// does not make an If-Match on this one stale.
    /// </summary>
    public Task<ApiKeyRevision> ExecuteAsync(
        IAffairsCommand command,
        string keyId,
        long? expectedRevision,
        Func<ApiKeyRegister, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return streams.ExecuteAsync(
            Stream,
            this,
            clientExpected: null,
            command,
            loaded =>
            {
                var current = loaded.State.Find(keyId);
                if (expectedRevision is { } expected && current is not null && current.Revision != expected)
                {
                    throw StreamRepository.Conflict(Stream, expected, current.Revision);
                }

                var events = decide(loaded.State);
                return new Decision<ApiKeyRevision>(events, revision => new ApiKeyRevision(keyId, events.Count > 0 ? revision : current?.Revision ?? revision));
            },
            cancellationToken);
    }
}
