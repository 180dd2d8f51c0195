namespace Affairs.Domain.Residents;

/// <summary>Gender as the identity number encodes it.</summary>
public enum Gender
{
    /// <summary>An odd sequence number.</summary>
    Male,

    /// <summary>An even sequence number.</summary>
    Female,
}
