using Affairs.Domain.Rejections;

namespace Affairs.Domain.Residents;

/// <summary>Checks on resident data shared by the commands that take it.</summary>
public static class ResidentRules
{
    /// <summary>A mainland mobile (11 digits from 1) or a landline with area code (0 and 9 to 11 more digits, a dash allowed).</summary>
    public static void CheckContact(ValidationErrors errors, string? phone)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (phone is null)
        {
            return;
        }

        var digits = phone.Replace("-", string.Empty, StringComparison.Ordinal);
        var valid = digits.All(char.IsAsciiDigit)
            && ((digits.Length == 11 && digits[0] == '1') || (digits.Length is >= 10 and <= 12 && digits[0] == '0'));
        errors.AddIf(!valid, "phone", "A phone is an 11-digit mobile number or a landline with its area code.");
    }
}
