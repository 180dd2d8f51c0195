namespace Affairs.Host.Endpoints;

/// <summary>The filters and paging of <c>GET /api/cases</c>, as text; <see cref="Requests.ListQuery"/> checks them.</summary>
/// <param name="AffairType">An affair type id.</param>
/// <param name="State">A state of the affair type.</param>
/// <param name="Status"><c>open</c> or <c>closed</c>.</param>
/// <param name="SubjectId">A resident's pseudonymous id or a household id.</param>
/// <param name="PostId">A post whose step the cases are at.</param>
/// <param name="Handler">The staff id of the member of staff responsible now.</param>
/// <param name="OpenedFrom">Opened at or after: a date (the day's start, centre time) or an ISO time.</param>
/// <param name="OpenedTo">Opened before: a date (included, centre time) or an ISO time (excluded).</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page.</param>
/// <param name="Limit">The page size, 1 to 200 (50 by default).</param>
internal sealed record ListCasesRequest(
    string? AffairType,
    string? State,
    string? Status,
    string? SubjectId,
    string? PostId,
    string? Handler,
    string? OpenedFrom,
    string? OpenedTo,
    string? Cursor,
    string? Limit);
