using Affairs.Domain.Residents.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>Marks an active resident as moved out. The record stays.</summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="On">The day of the move.</param>
/// <param name="Context">Who records it, and tracing.</param>
public sealed record RecordResidentMoveOut(string ResidentId, DateOnly On, CommandContext Context) : ICommand<ResidentRevision>, IAffairsCommand;

internal sealed class RecordResidentMoveOutHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<RecordResidentMoveOut, ResidentRevision>
{
    public async ValueTask<ResidentRevision> Handle(RecordResidentMoveOut command, CancellationToken cancellationToken) =>
        await ResidentStreams.ExecuteAsync(
            streams,
            command.ResidentId,
            expectedRevision: null,
            command,
            loaded =>
            {
                ResidentStreams.RequireActive(loaded, command.ResidentId);
                return [new ResidentMovedOut(command.ResidentId, command.On, time.GetUtcNow())];
            },
            cancellationToken).ConfigureAwait(false);
}
