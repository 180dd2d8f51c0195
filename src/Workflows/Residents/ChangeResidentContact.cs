using Affairs.Domain.Privacy;
using Affairs.Domain.Rejections;
using Affairs.Domain.Residents;
using Affairs.Domain.Residents.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>Changes an active resident's phone or address (a null field stays as it is).</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="Phone">The new phone, or null.</param>
/// <param name="Address">The new address, or null.</param>
/// <param name="ExpectedRevision">The revision the caller saw, or null.</param>
/// <param name="Context">Who changes it, and tracing.</param>
public sealed record ChangeResidentContact(
    string ResidentId,
    [property: PersonalData(PersonalDataKind.Phone)] string? Phone,
    [property: PersonalData(PersonalDataKind.Address)] string? Address,
    long? ExpectedRevision,
    CommandContext Context) : ICommand<ResidentRevision>, IAffairsCommand;

internal sealed class ChangeResidentContactValidator : ICommandValidator<ChangeResidentContact>
{
    public void Validate(ChangeResidentContact command, ValidationErrors errors)
    {
        errors.AddIf(command.Phone is null && command.Address is null, "phone", "Give a phone, an address or both.");
        ResidentRules.CheckContact(errors, command.Phone);
    }
}

internal sealed class ChangeResidentContactHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<ChangeResidentContact, ResidentRevision>
{
    public async ValueTask<ResidentRevision> Handle(ChangeResidentContact command, CancellationToken cancellationToken)
    {
        return await ResidentStreams.ExecuteAsync(
            streams,
            command.ResidentId,
            command.ExpectedRevision,
            command,
            loaded =>
            {
                ResidentStreams.RequireActive(loaded, command.ResidentId);
                return [new ResidentContactChanged(command.ResidentId, command.Phone, command.Address, time.GetUtcNow())];
            },
            cancellationToken).ConfigureAwait(false);
    }
}
