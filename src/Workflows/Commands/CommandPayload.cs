using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Affairs.Workflows.Events;
using Affairs.Workflows.Streams;

namespace Affairs.Workflows.Commands;

/// <summary>
/// The hash of a command's payload (everything but its context), by which a retried command is told apart from another
/// one sent with the same idempotency key. Worked out once per command object.
/// </summary>
public static class CommandPayload
{
    private static readonly ConditionalWeakTable<object, string> Hashes = [];

    /// <summary>SHA-256 of the command's JSON without its <c>context</c>, in lower-case hex.</summary>
    public static string Hash(IAffairsCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Hashes.GetValue(command, static c =>
        {
            var payload = JsonSerializer.SerializeToNode(c, c.GetType(), EventCodec.JsonOptions) as JsonObject ?? [];
            payload.Remove("context");
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload.ToJsonString())));
        });
    }

    /// <summary>
    /// A new id for what <paramref name="context"/>'s command creates: derived from its actor and idempotency key where
    /// it has one, so that a retry creates the same thing (and the store's no-stream check absorbs it); else a fresh id.
    /// </summary>
    public static Guid NewId(CommandContext context, IIdSource ids, string purpose)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ids);
        if (context.IdempotencyKey is not { Length: > 0 } key)
        {
            return ids.NewId();
        }

        return NameBasedId.From($"{purpose}\n{context.Actor.Id}\n{key}");
    }
}
