using System.Globalization;

namespace Affairs.Domain.Residents;

/// <summary>
/// A mainland resident identity number: 18 characters — a 6-digit area code, the 8-digit birth date, a 3-digit sequence
/// (odd for men, even for women) and a check character computed with ISO 7064 MOD 11-2. Personal data: its
/// <see cref="ToString"/> is masked; only <see cref="Value"/> gives the full number.
/// </summary>
public sealed record IdentityNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdentityNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    /// <summary>The full number, upper-case. Never log it.</summary>
    public string Value { get; }

    /// <summary>The birth date the number encodes.</summary>
    public DateOnly BirthDate { get; }

    /// <summary>The gender the sequence number encodes.</summary>
    public Gender Gender { get; }

    /// <summary>The 6-digit area code of first registration.</summary>
    public string AreaCode => Value[..6];

    /// <summary>Parses and checks a number; the error says what is wrong without repeating the number.</summary>
    public static bool TryParse(string? text, out IdentityNumber? number, out string? error)
    {
        number = null;
        var value = (text ?? string.Empty).Trim().ToUpperInvariant();
        error = Check(value, out var birthDate);
        if (error is null)
        {
            var sequence = value[16] - '0';
            number = new IdentityNumber(value, birthDate, sequence % 2 == 1 ? Gender.Male : Gender.Female);
        }

        return error is null;
    }

    /// <summary>Parses and checks a number.</summary>
    /// <exception cref="FormatException">The number is not valid; the message says why.</exception>
    public static IdentityNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number! : throw new FormatException(error);

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>The number masked for people who do not need it: only the area code and the check character show (<c>110101***********X</c>).</summary>
    public string Masked => Mask(Value);

    /// <summary>Masks any text that may be an identity number, keeping at most its first 6 and last character.</summary>
    public static string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length < 8 ? new string('*', text.Length) : string.Concat(text.AsSpan(0, 6), new string('*', text.Length - 7), text.AsSpan(text.Length - 1));
    }

    /// <inheritdoc />
    public override string ToString() => Masked;

    private static string? Check(string value, out DateOnly birthDate)
    {
        birthDate = default;
        if (value.Length != 18)
        {
            return $"An identity number has 18 characters, not {value.Length}.";
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"Character {i + 1} of the identity number must be a digit.";
            }
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return "The last character of the identity number must be a digit or X.";
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out birthDate)
            || birthDate.Year < 1880)
        {
            return "Characters 7 to 14 of the identity number are not a valid birth date.";
        }

        return CheckCharacter(value) == value[17] ? null : "The identity number's check character does not match its first 17 digits.";
    }
}
