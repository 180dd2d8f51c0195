using Affairs.Domain.Households.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Households;

/// <summary>Makes a current member the head of the household.</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="HeadResidentId">The new head, a current member.</param>
/// <param name="ExpectedRevision">The household revision the caller saw, or null.</param>
/// <param name="Context">Who records it, and tracing.</param>
public sealed record ChangeHouseholdHead(string HouseholdId, string HeadResidentId, long? ExpectedRevision, CommandContext Context)
    : ICommand<HouseholdRevision>, IAffairsCommand;

internal sealed class ChangeHouseholdHeadHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<ChangeHouseholdHead, HouseholdRevision>
{
    public async ValueTask<HouseholdRevision> Handle(ChangeHouseholdHead command, CancellationToken cancellationToken) =>
        await HouseholdStreams.ExecuteAsync(
            streams,
            command.HouseholdId,
            command.ExpectedRevision,
            command,
            loaded =>
            {
                var household = HouseholdStreams.Require(loaded, command.HouseholdId);
                if (!household.HasMember(command.HeadResidentId))
                {
                    throw new ValidationErrors().Add("headResidentId", "The new head must already be a member.").ToException();
                }

                object[] events = household.HeadResidentId == command.HeadResidentId ? [] : [new HouseholdHeadChanged(command.HouseholdId, command.HeadResidentId, time.GetUtcNow())];
                return events;
            },
            cancellationToken).ConfigureAwait(false);
}
