using Affairs.Domain.Privacy;

namespace Affairs.Host.Endpoints;

/// <summary>Finds residents by all or part of their name, a page at a time.</summary>
/// <param name="Name">All or part of a name, 1 to 50 characters.</param>
/// <param name="Cursor">The <c>nextCursor</c> of the previous page; none for the first.</param>
/// <param name="Limit">The page size, 1 to 200; 20 when absent.</param>
internal sealed record SearchResidentsRequest([property: PersonalData(PersonalDataKind.Name)] string? Name, string? Cursor = null, int? Limit = null);
