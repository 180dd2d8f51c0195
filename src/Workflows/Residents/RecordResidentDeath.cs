using Affairs.Domain.Rejections;
using Affairs.Domain.Residents.Events;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>
/// Records a resident's death. The <c>resident.died.v1</c> event it writes is what starts the termination path of the
/// resident's open certification cases, through the engine's reaction to it.
/// </summary>
/// <param name="ResidentId">The resident.</param>
/// <param name="DateOfDeath">The day of death.</param>
/// <param name="Source">Who reported it.</param>
/// <param name="Context">Who records it, and tracing.</param>
public sealed record RecordResidentDeath(string ResidentId, DateOnly DateOfDeath, string Source, CommandContext Context) : ICommand<ResidentRevision>, IAffairsCommand;

internal sealed class RecordResidentDeathValidator(TimeProvider time) : ICommandValidator<RecordResidentDeath>
{
    public void Validate(RecordResidentDeath command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Source), "source", "Say who reported the death.")
            .AddIf(command.DateOfDeath > DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddDays(1)), "dateOfDeath", "The date of death is in the future.");
}

internal sealed class RecordResidentDeathHandler(StreamRepository streams, TimeProvider time) : ICommandHandler<RecordResidentDeath, ResidentRevision>
{
    public async ValueTask<ResidentRevision> Handle(RecordResidentDeath command, CancellationToken cancellationToken)
    {
        return await ResidentStreams.ExecuteAsync(
            streams,
            command.ResidentId,
            expectedRevision: null,
            command,
            loaded =>
            {
                var resident = ResidentStreams.RequireActive(loaded, command.ResidentId, allowMovedOut: true);
                new ValidationErrors().AddIf(command.DateOfDeath < resident.BirthDate, "dateOfDeath", "The date of death is before the birth date.").ThrowIfAny();
                return [new ResidentDied(command.ResidentId, command.DateOfDeath, command.Source, time.GetUtcNow())];
            },
            cancellationToken).ConfigureAwait(false);
    }
}
