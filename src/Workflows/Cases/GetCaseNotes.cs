using Affairs.Domain.Cases.Events;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>The notes written on a case, oldest first: the case's state keeps no notes, so they are read from its events.</summary>
/// <param name="CaseId">The case.</param>
public sealed record GetCaseNotes(string CaseId) : IQuery<IReadOnlyList<CaseNote>>;

internal sealed class GetCaseNotesHandler(CaseEngine engine) : IQueryHandler<GetCaseNotes, IReadOnlyList<CaseNote>>
{
    public async ValueTask<IReadOnlyList<CaseNote>> Handle(GetCaseNotes query, CancellationToken cancellationToken)
    {
        var loaded = await engine.Streams.LoadAsync(CaseStreams.For(query.CaseId), CaseStreams.Fold, cancellationToken: cancellationToken).ConfigureAwait(false);
        CaseStreams.Require(loaded, query.CaseId);
        return [.. loaded.Events.Where(e => e.Event is CaseNoteAdded).Select(e => (e.Recorded.Revision, Note: (CaseNoteAdded)e.Event))
            .Select(n => new CaseNote(n.Revision, n.Note.At, n.Note.ActorId, n.Note.ActingRole, n.Note.Text))];
    }
}
