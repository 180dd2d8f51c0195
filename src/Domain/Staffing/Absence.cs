namespace Affairs.Domain.Staffing;

/// <summary>A period a member of staff is away, half-open: from <paramref name="From"/> up to <paramref name="To"/>.</summary>
/// <param name="Id">The absence id.</param>
/// <param name="StaffId">Who is away.</param>
/// <param name="From">When it starts.</param>
/// <param name="To">When it ends.</param>
/// <param name="Kind">Leave, business trip or meeting.</param>
public sealed record Absence(string Id, string StaffId, DateTimeOffset From, DateTimeOffset To, AbsenceKind Kind)
{
    /// <summary>Whether the absence covers <paramref name="at"/>.</summary>
    public bool Covers(DateTimeOffset at) => From <= at && at < To;
}
