using Affairs.Domain.Households.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Residents;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Households;

/// <summary>Adds an active resident to a household; adding a current member again changes nothing.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="ResidentId">The new member.</param>
/// <param name="Relation">The relation to the head.</param>
/// <param name="ExpectedRevision">The household revision the caller saw, or null.</param>
/// <param name="Context">Who records it, and tracing.</param>
public sealed record AddHouseholdMember(string HouseholdId, string ResidentId, string Relation, long? ExpectedRevision, CommandContext Context)
    : ICommand<HouseholdRevision>, IAffairsCommand;

internal sealed class AddHouseholdMemberValidator : ICommandValidator<AddHouseholdMember>
{
    public void Validate(AddHouseholdMember command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Relation), "relation", "Say how the member relates to the head.");
}

internal sealed class AddHouseholdMemberHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<AddHouseholdMember, HouseholdRevision>
{
    public async ValueTask<HouseholdRevision> Handle(AddHouseholdMember command, CancellationToken cancellationToken)
    {
        var member = await streams.LoadAsync(ResidentStreams.For(command.ResidentId), ResidentStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        ResidentStreams.RequireActive(member, command.ResidentId);
        return await HouseholdStreams.ExecuteAsync(
            streams,
            command.HouseholdId,
            command.ExpectedRevision,
            command,
            loaded =>
            {
                var household = HouseholdStreams.Require(loaded, command.HouseholdId);
                object[] events = household.HasMember(command.ResidentId) ? [] : [new HouseholdMemberAdded(command.HouseholdId, command.ResidentId, command.Relation, time.GetUtcNow())];
                return events;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
