using Affairs.Domain.Residents.Events;
using Affairs.EventStore;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>
/// Records that someone asked which resident an identity number belongs to (<see cref="ResidentLookedUp"/>, on the
/// stream <c>lookup-{residentId}</c>), so that who confirmed which numbers can be audited, and answers whether that
/// resident is recorded. The caller turns the number into its resident id (the keyed hash,
/// <see cref="Domain.Residents.ResidentPseudonym"/>) first, so the number never enters the pipeline: not its logs, not
/// the payload hash an idempotency key keeps.
/// </summary>
/// <param name="ResidentId">The resident id of the identity number asked about.</param>
/// <param name="Context">Who asks, and tracing.</param>
public sealed record LookUpResident(string ResidentId, CommandContext Context) : ICommand<ResidentLookup>, IAffairsCommand;

internal sealed class LookUpResidentHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<LookUpResident, ResidentLookup>
{
    public async ValueTask<ResidentLookup> Handle(LookUpResident command, CancellationToken cancellationToken)
    {
        var resident = await streams.LoadAsync(ResidentStreams.For(command.ResidentId), ResidentStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        var answer = new ResidentLookup(command.ResidentId, resident.Exists);
        return await streams.ExecuteAsync(
            StreamName.For("lookup", command.ResidentId),
            RecordCount.Fold,
            clientExpected: null,
            command,
            _ => new Decision<ResidentLookup>([new ResidentLookedUp(command.ResidentId, resident.Exists, time.GetUtcNow())], _ => answer),
            cancellationToken).ConfigureAwait(false);
    }
}
