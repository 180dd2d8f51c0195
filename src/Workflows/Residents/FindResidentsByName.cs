using Affairs.Domain.Rejections;
using Affairs.Workflows.Households;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Projections;
using Mediator;

namespace Affairs.Workflows.Residents;

/// <summary>
/// Finds residents whose name contains <paramref name="Name"/> (case-insensitive, surrounding spaces ignored) in the
/// read model, in the order they were registered, a page at a time, each with the households they belong to. A page
/// reads the names it shows only: the caller decides who may search and records what was shown
/// (<see cref="RecordResidentsFoundByName"/>).
/// </summary>
/// <param name="Name">All or part of a name: 1 to <see cref="MaxNameLength"/> characters after trimming.</param>
/// <param name="Cursor">The <see cref="ResidentMatchPage.NextCursor"/> of the previous page; none for the first.</param>
/// <param name="Limit">The page size, 1 to <see cref="PageCursor.MaxLimit"/>.</param>
public sealed record FindResidentsByName(string Name, string? Cursor = null, int Limit = FindResidentsByName.DefaultLimit) : IQuery<ResidentMatchPage>
{
    /// <summary>The default page size: a counter picks from a short list.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The longest text searched for, in characters.</summary>
    public const int MaxNameLength = 50;

    /// <summary>The kind of list its cursors belong to.</summary>
    internal const string CursorKind = "residents-by-name";
}

internal sealed class FindResidentsByNameValidator : ICommandValidator<FindResidentsByName>
{
    public void Validate(FindResidentsByName command, ValidationErrors errors)
    {
        var name = command.Name?.Trim() ?? string.Empty;
        errors.AddIf(name.Length == 0, "name", "A name, or part of one, is required.")
            .AddIf(name.Length > FindResidentsByName.MaxNameLength, "name", $"At most {FindResidentsByName.MaxNameLength} characters.");
        PageCursor.Decode(FindResidentsByName.CursorKind, command.Cursor, errors.CheckLimit(command.Limit));
    }
}

internal sealed class FindResidentsByNameHandler(ProjectionEngine projections) : IQueryHandler<FindResidentsByName, ResidentMatchPage>
{
    public async ValueTask<ResidentMatchPage> Handle(FindResidentsByName query, CancellationToken cancellationToken)
    {
        var name = query.Name.Trim();
        var after = PageCursor.Decode(FindResidentsByName.CursorKind, query.Cursor, new ValidationErrors());
        var (items, next) = await projections.ReadAsync(
            board => PageCursor.Page(
                FindResidentsByName.CursorKind,
                board.Residents.InLogOrder,
                r => r.RegisteredPosition,
                after,
                query.Limit,
                r => r.Name.Contains(name, StringComparison.OrdinalIgnoreCase) ? Match(board, r) : null),
            cancellationToken).ConfigureAwait(false);
        return new ResidentMatchPage(items, next);
    }

    private static ResidentMatch Match(CaseBoard board, ResidentEntry entry) =>
        new(entry.ResidentId, entry.Name, entry.Status, GetResidentHouseholdsHandler.Of(board, entry.ResidentId));
}
