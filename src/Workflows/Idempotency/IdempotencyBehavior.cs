using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Affairs.Domain.Rejections;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Events;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Idempotency;

/// <summary>
/// Makes commands with an idempotency key exactly-once. The key (scoped to the actor) is claimed first for one command
/// and payload, in stream <c>idempotency-{hash}</c> written with no-stream: the same key with another payload, or for
/// another command, is refused (<c>idempotency.key-reused</c>) wherever it is sent. The command then runs; its events
/// carry its answer, so the stream it acts on recognises a retry — however many arrive at once, and whether or not an
/// earlier attempt died after its effect — and answers as the first time without deciding again. A refused command
/// records nothing on its stream: retrying it runs it again.
/// </summary>
public sealed class IdempotencyBehavior<TMessage, TResponse>(StreamRepository streams, TimeProvider time) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private sealed class Fold : IStateFold<object?>
    {
        public static Fold Instance { get; } = new();

        public object? Initial => null;

        public object? Apply(object? state, object @event) => state ?? @event;
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
        var name = typeof(TMessage).Name;
        var payloadHash = CommandPayload.Hash(command);
        // Claimed without reading first: a key is new far more often than not, and the no-stream append checks that.
        var loaded = LoadedStream<object?>.Empty(stream, Fold.Instance.Initial);
        try
        {
            await streams.AppendAsync(loaded, [new IdempotencyClaimed(name, payloadHash, time.GetUtcNow())], command.Context.Metadata, cancellationToken).ConfigureAwait(false);
        }
        catch (WrongExpectedRevisionException)
        {
            // Claimed before (a retry, or a concurrent first attempt): go on only if it was for the same command and payload.
            loaded = await streams.LoadAsync(stream, Fold.Instance, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        switch (loaded.State)
        {
            case IdempotencyClaimed claimed when claimed.Command != name || claimed.PayloadHash != payloadHash:
                throw StreamRepository.KeyReused(claimed.Command);
            case IdempotencyRecorded recorded when recorded.Command != name || recorded.PayloadHash != payloadHash:
                throw StreamRepository.KeyReused(recorded.Command);
            case IdempotencyRecorded recorded:
                // Recorded before answers were kept with the command's own events.
                return JsonSerializer.Deserialize<TResponse>(recorded.Response, EventCodec.JsonOptions)!;
        }

        return await next(message, cancellationToken).ConfigureAwait(false);
    }
}
