namespace Affairs.Domain.Privacy;

/// <summary>The kinds of personal data, each with its own mask.</summary>
public enum PersonalDataKind
{
    /// <summary>A resident identity number: area code and check character stay.</summary>
    IdentityNumber,

    /// <summary>A name: the family name stays (张**).</summary>
    Name,

    /// <summary>A phone number: the first 3 and last 4 digits stay.</summary>
    Phone,

    /// <summary>An address: nothing after the first few characters.</summary>
    Address,

    /// <summary>Free text that may name people: hidden entirely.</summary>
    FreeText,

    /// <summary>A birth date: left out, since with the masked identity number's area code it narrows the number to a few candidates.</summary>
    BirthDate,

    /// <summary>A gender: left out, since the identity number's sequence digit encodes it.</summary>
    Gender,
}
