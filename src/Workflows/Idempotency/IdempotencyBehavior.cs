using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Affairs.EventStore;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Events;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Idempotency;

/// <summary>
/// Makes commands with an idempotency key safe to retry: the same key with the same payload returns the first answer
/// without running the command again; the same key with a different payload is refused. Keys are scoped to the actor,
/// so two clients cannot collide. The record lives in stream <c>idempotency-{hash}</c>, written with no-stream, so two
/// concurrent first attempts cannot both be recorded. A refused command is not recorded: retrying it runs it again.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(StreamRepository streams, TimeProvider time) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private sealed class Fold : IStateFold<IdempotencyRecorded?>
    {
        public static Fold Instance { get; } = new();

        public IdempotencyRecorded? Initial => null;

        public IdempotencyRecorded? Apply(IdempotencyRecorded? state, object @event) => @event as IdempotencyRecorded ?? state;
    }

    /// <inheritdoc />
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (message is not IAffairsCommand { Context.IdempotencyKey: { Length: > 0 } key } command)
        {
            return await next(message, cancellationToken).ConfigureAwait(false);
        }

        var stream = StreamName.For("idempotency", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{command.Context.Actor.Id}\n{key}")))[..40]);
        var payloadHash = PayloadHash(message);
        var loaded = await streams.LoadAsync(stream, Fold.Instance, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (loaded.State is { } earlier)
        {
            return Replay(earlier, payloadHash);
        }

        var response = await next(message, cancellationToken).ConfigureAwait(false);
        var record = new IdempotencyRecorded(typeof(TMessage).Name, payloadHash, JsonSerializer.Serialize(response, EventCodec.JsonOptions), time.GetUtcNow());
        try
        {
            await streams.AppendAsync(loaded, [record], command.Context.Metadata, cancellationToken).ConfigureAwait(false);
        }
        catch (WrongExpectedRevisionException)
        {
            // A concurrent attempt with the same key recorded first; answer as it did (or refuse a different payload).
            var winner = await streams.LoadAsync(stream, Fold.Instance, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Replay(winner.State!, payloadHash);
        }

        return response;
    }

    private static TResponse Replay(IdempotencyRecorded earlier, string payloadHash)
    {
        if (earlier.Command != typeof(TMessage).Name || earlier.PayloadHash != payloadHash)
        {
            throw new CommandRejectedException(
                RejectionKind.NotPermitted,
                "idempotency.key-reused",
                "This idempotency key was already used for a different request.",
                new Dictionary<string, object?> { ["command"] = earlier.Command });
        }

        return JsonSerializer.Deserialize<TResponse>(earlier.Response, EventCodec.JsonOptions)!;
    }

    private static string PayloadHash(TMessage message)
    {
        var payload = JsonSerializer.SerializeToNode(message, message.GetType(), EventCodec.JsonOptions) as JsonObject ?? [];
        payload.Remove("context");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload.ToJsonString())));
    }
}
