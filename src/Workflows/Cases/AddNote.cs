using Affairs.Domain.Cases.Events;
using Affairs.Domain.Privacy;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>Adds a note to an open case, by the responsible person or the supervisor.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Text">The note (may name people: it is masked for those who do not need it).</param>
/// <param name="ExpectedRevision">The revision the client saw (If-Match), or null.</param>
/// <param name="Context">Who writes it, and tracing.</param>
public sealed record AddNote(string CaseId, [property: PersonalData(PersonalDataKind.FreeText)] string Text, long? ExpectedRevision, CommandContext Context) : ICommand<CaseRevision>, IAffairsCommand;

internal sealed class AddNoteValidator : ICommandValidator<AddNote>
{
    public void Validate(AddNote command, ValidationErrors errors) =>
        errors.AddIf(string.IsNullOrWhiteSpace(command.Text) || command.Text.Length > 4000, "text", "A note has 1 to 4000 characters.");
}

internal sealed class AddNoteHandler(CaseEngine engine) : ICommandHandler<AddNote, CaseRevision>
{
    public async ValueTask<CaseRevision> Handle(AddNote command, CancellationToken cancellationToken) =>
        await engine.ActAsync(command.CaseId, command.ExpectedRevision, command, applicantMay: false, act =>
            [new CaseNoteAdded(act.State.CaseId, command.Text, command.Context.Actor.Id, act.Participant.ActingRole, act.Now)],
            cancellationToken).ConfigureAwait(false);
}
