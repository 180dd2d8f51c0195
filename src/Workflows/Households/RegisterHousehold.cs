using Affairs.Domain.Households.Events;
using Affairs.Domain.Privacy;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Staffing;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Households;

/// <summary>Records a household with an active resident as its head and first member.</summary>
/// <param name="HeadResidentId">The head.</param>
/// <param name="Address">The household's address.</param>
/// <param name="GridId">The grid it lives in.</param>
/// <param name="Context">Who records it, and tracing.</param>
public sealed record RegisterHousehold(
    string HeadResidentId,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    string? GridId,
    CommandContext Context) : ICommand<HouseholdRevision>, IAffairsCommand;

internal sealed class RegisterHouseholdHandler(StreamRepository streams, OrganisationDirectory organisation, IIdSource ids, TimeProvider time) : ICommandHandler<RegisterHousehold, HouseholdRevision>
{
    public async ValueTask<HouseholdRevision> Handle(RegisterHousehold command, CancellationToken cancellationToken)
    {
        await organisation.RequireGridAsync(command.GridId, "gridId", cancellationToken).ConfigureAwait(false);
        var head = await streams.LoadAsync(ResidentStreams.For(command.HeadResidentId), ResidentStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        ResidentStreams.RequireActive(head, command.HeadResidentId);
        var householdId = "h" + CommandPayload.NewId(command.Context, ids, "household").ToString("N");
        return await HouseholdStreams.ExecuteAsync(
            streams,
            householdId,
            expectedRevision: null,
            command,
            _ => [new HouseholdRegistered(householdId, command.HeadResidentId, command.Address, command.GridId, time.GetUtcNow())],
            cancellationToken).ConfigureAwait(false);
    }
}
