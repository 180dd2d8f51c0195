using Affairs.Domain.Cases;
using Affairs.Domain.Rejections;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Projections;
using Mediator;

namespace Affairs.Workflows.Cases;

/// <summary>
/// Lists cases from the case board, in the order their opening was recorded, a page at a time. Every filter is
/// optional; those given must all hold. Responsibility is worked out from the organisation as it is now, as in the queues.
/// </summary>
/// <param name="AffairTypeId">Only cases of this affair type.</param>
/// <param name="State">Only cases in this state.</param>
/// <param name="Status">Only open or only closed cases.</param>
/// <param name="SubjectId">Only cases of this resident or household.</param>
/// <param name="PostId">Only cases whose current step a post handles.</param>
/// <param name="Handler">Only cases this member of staff is responsible for now.</param>
/// <param name="OpenedFrom">Only cases opened at or after this moment.</param>
/// <param name="OpenedBefore">Only cases opened before this moment.</param>
/// <param name="Cursor">The <see cref="CasePage.NextCursor"/> of the previous page; none for the first.</param>
/// <param name="Limit">The page size, 1 to <see cref="PageCursor.MaxLimit"/>.</param>
public sealed record FindCases(
    string? AffairTypeId = null,
    string? State = null,
    CaseStatus? Status = null,
    string? SubjectId = null,
    string? PostId = null,
    string? Handler = null,
    DateTimeOffset? OpenedFrom = null,
    DateTimeOffset? OpenedBefore = null,
    string? Cursor = null,
    int Limit = PageCursor.DefaultLimit) : IQuery<CasePage>
{
    /// <summary>The kind of list its cursors belong to.</summary>
    internal const string CursorKind = "cases";
}

internal sealed class FindCasesValidator : ICommandValidator<FindCases>
{
    public void Validate(FindCases command, ValidationErrors errors)
    {
        errors.CheckLimit(command.Limit)
            .AddIf(command.Status is { } status && !Enum.IsDefined(status), "status", "The status is one of open, closed.")
            .AddIf(command.OpenedFrom >= command.OpenedBefore, "openedTo", "The end of the range comes after its start.");
        PageCursor.Decode(FindCases.CursorKind, command.Cursor, errors);
    }
}

internal sealed class FindCasesHandler(ProjectionEngine projections, CaseEngine engine) : IQueryHandler<FindCases, CasePage>
{
    public async ValueTask<CasePage> Handle(FindCases query, CancellationToken cancellationToken)
    {
        var organisation = await engine.OrganisationAsync(cancellationToken).ConfigureAwait(false);
        Check(query, organisation);
        var after = PageCursor.Decode(FindCases.CursorKind, query.Cursor, new ValidationErrors());
        var now = engine.Now();
        var (items, next) = await projections.ReadAsync(
            board => PageCursor.Page(
                FindCases.CursorKind,
                query.SubjectId is { } subject ? board.OfSubject(subject) : board.InLogOrder,
                c => c.OpenedPosition,
                after,
                query.Limit,
                c => Select(query, c, organisation, now)),
            cancellationToken).ConfigureAwait(false);
        return new CasePage(items, next);
    }

    private CaseSummary? Select(FindCases query, CaseEntry entry, Organisation organisation, DateTimeOffset now)
    {
        if (!Matches(query, entry.State))
        {
            return null;
        }

        var summary = Summary(entry, organisation, now);
        return query.Handler is null || summary.ResponsibleId == query.Handler ? summary : null;
    }

    private static bool Matches(FindCases query, CaseState state) =>
        (query.AffairTypeId is null || state.AffairTypeId == query.AffairTypeId)
        && (query.State is null || state.State == query.State)
        && (query.Status is null || state.IsClosed == (query.Status == CaseStatus.Closed))
        && (query.SubjectId is null || state.SubjectId == query.SubjectId)
        && (query.PostId is null || state.Handler == StepHandler.Post(query.PostId).ToString())
        && (query.OpenedFrom is null || state.OpenedAt >= query.OpenedFrom)
        && (query.OpenedBefore is null || state.OpenedAt < query.OpenedBefore);

    private CaseSummary Summary(CaseEntry entry, Organisation organisation, DateTimeOffset now)
    {
        var state = entry.State;
        var handler = state.Handler.Length > 0 && !state.IsClosed ? StepHandler.Parse(state.Handler) : null;
        return new CaseSummary(
            state.CaseId, state.AffairTypeId, state.DefinitionVersion, state.State,
            state.IsClosed ? CaseStatus.Closed : CaseStatus.Open,
            state.SubjectKind, state.SubjectId,
            handler?.ToString(), handler?.Kind == StepHandlerKind.Post ? handler.Id : null,
            engine.Participants.Responsible(state, organisation, now)?.StaffId,
            state.OpenedAt, state.ClosedAt, state.Outcome, entry.Revision);
    }

    /// <summary>Refuses filters naming an affair type, state, post or member of staff that does not exist, listing what does.</summary>
    private void Check(FindCases query, Organisation organisation)
    {
        var errors = new ValidationErrors();
        var types = engine.Catalog.Ids;
        if (query.AffairTypeId is { } type && !types.Contains(type))
        {
            errors.Add("affairType", $"The affair type is one of {string.Join(", ", types)}.");
        }

        var states = (query.AffairTypeId is { } t && types.Contains(t) ? [t] : types)
            .SelectMany(id => engine.Catalog.Versions(id))
            .SelectMany(v => v.Type.States.Select(s => s.Name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        errors.AddIf(query.State is { } state && !states.Contains(state), "state", $"The state is one of {string.Join(", ", states)}.")
            .AddIf(query.PostId is { } post && !organisation.Posts.ContainsKey(post), "postId", $"The post is one of {string.Join(", ", organisation.Posts.Keys.Order(StringComparer.Ordinal))}.")
            .AddIf(query.Handler is { } staff && !organisation.Staff.Contains(staff), "handler", "No member of staff with this id is registered.");
        errors.ThrowIfAny();
    }
}
