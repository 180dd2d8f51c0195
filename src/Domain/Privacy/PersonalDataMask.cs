using Affairs.Domain.Residents;

namespace Affairs.Domain.Privacy;

/// <summary>How each kind of personal data is shown to someone who does not need it.</summary>
public static class PersonalDataMask
{
    /// <summary>Masks <paramref name="value"/> as <paramref name="kind"/>.</summary>
    public static string Apply(PersonalDataKind kind, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value ?? string.Empty;
        }

        return kind switch
        {
            PersonalDataKind.IdentityNumber => IdentityNumber.Mask(value),
            PersonalDataKind.Name => string.Concat(value.AsSpan(0, 1), new string('*', Math.Max(1, value.Length - 1))),
            PersonalDataKind.Phone => value.Length > 7 ? string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4)) : new string('*', value.Length),
            PersonalDataKind.Address => value.Length > 6 ? string.Concat(value.AsSpan(0, 6), "***") : "***",
            _ => "***",
        };
    }
}
