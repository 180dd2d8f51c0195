using System.Security.Cryptography;
using System.Text;
using Affairs.Domain.Residents.Events;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>
/// Records that the caller searched residents by name and was shown <paramref name="ResidentIds"/>
/// (<see cref="ResidentsFoundByName"/>, on the stream <c>lookup-by-name.{actor}</c>, beside the identity lookups), so
/// that who was shown whose name can be audited. What was typed never enters the pipeline: only the ids found.
/// </summary>
/// <param name="ResidentIds">The residents the page of results showed.</param>
/// <param name="Context">Who asks, and tracing.</param>
public sealed record RecordResidentsFoundByName(IReadOnlyList<string> ResidentIds, CommandContext Context) : ICommand<ResidentsFoundByNameRecord>, IAffairsCommand;

/// <summary>The answer of recording a search by name.</summary>
/// <param name="Shown">How many residents the search showed.</param>
public sealed record ResidentsFoundByNameRecord(int Shown);

internal sealed class RecordResidentsFoundByNameHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<RecordResidentsFoundByName, ResidentsFoundByNameRecord>
{
    public async ValueTask<ResidentsFoundByNameRecord> Handle(RecordResidentsFoundByName command, CancellationToken cancellationToken) =>
        await streams.ExecuteAsync(
            StreamFor(command.Context.Actor.Id),
            RecordCount.Fold,
            clientExpected: null,
            command,
            _ => new Decision<ResidentsFoundByNameRecord>(
                [new ResidentsFoundByName([.. command.ResidentIds], time.GetUtcNow())],
                _ => new ResidentsFoundByNameRecord(command.ResidentIds.Count)),
            cancellationToken).ConfigureAwait(false);

    /// <summary>One stream per actor; an actor id too long for a stream name is named by its hash.</summary>
    internal static StreamName StreamFor(string actorId) =>
        StreamName.For("lookup", "by-name." + (actorId.Length <= 100 ? actorId : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(actorId)))));
}
