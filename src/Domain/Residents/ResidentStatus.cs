namespace Affairs.Domain.Residents;

/// <summary>Where a resident's record stands. Records are never deleted, only marked.</summary>
public enum ResidentStatus
{
    /// <summary>No record yet.</summary>
    Unknown,

    /// <summary>Lives in the sub-district.</summary>
    Active,

    /// <summary>Moved away.</summary>
    MovedOut,

    /// <summary>Died.</summary>
    Deceased,
}
