using Affairs.Domain.Households.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Households;

/// <summary>Removes a member from a household. The head cannot leave before another member becomes head.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="ResidentId">The member who leaves.</param>
/// <param name="Reason">Why.</param>
/// <param name="ExpectedRevision">The household revision the caller saw, or null.</param>
/// <param name="Context">Who records it, and tracing.</param>
public sealed record RemoveHouseholdMember(string HouseholdId, string ResidentId, string Reason, long? ExpectedRevision, CommandContext Context)
    : ICommand<HouseholdRevision>, IAffairsCommand;

internal sealed class RemoveHouseholdMemberValidator : ICommandValidator<RemoveHouseholdMember>
{
    public void Validate(RemoveHouseholdMember command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Reason), "reason", "Say why the member leaves.");
}

internal sealed class RemoveHouseholdMemberHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<RemoveHouseholdMember, HouseholdRevision>
{
    public async ValueTask<HouseholdRevision> Handle(RemoveHouseholdMember command, CancellationToken cancellationToken)
    {
        return await HouseholdStreams.ExecuteAsync(
            streams,
            command.HouseholdId,
            command.ExpectedRevision,
            command,
            loaded =>
            {
                var household = HouseholdStreams.Require(loaded, command.HouseholdId);
                if (!household.HasMember(command.ResidentId))
                {
                    throw CommandRejectedException.NotFound("household.member-not-found", $"{command.ResidentId} is not a member of household {command.HouseholdId}.");
                }

                if (household.HeadResidentId == command.ResidentId)
                {
                    throw new CommandRejectedException(RejectionKind.NotPermitted, "household.head-cannot-leave", "Make another member head before the head leaves.");
                }

                return [new HouseholdMemberRemoved(command.HouseholdId, command.ResidentId, command.Reason, time.GetUtcNow())];
            },
            cancellationToken).ConfigureAwait(false);
    }
}
