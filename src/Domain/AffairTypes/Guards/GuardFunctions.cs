namespace Affairs.Domain.AffairTypes.Guards;

/// <summary>The pure functions a guard may call, with their signatures.</summary>
internal static class GuardFunctions
{
    public static IReadOnlyDictionary<string, (GuardType[] Parameters, GuardType Result)> Signatures { get; } =
        new Dictionary<string, (GuardType[], GuardType)>(StringComparer.Ordinal)
        {
            ["days_between"] = ([GuardType.Date, GuardType.Date], GuardType.Number),
            ["months_between"] = ([GuardType.Date, GuardType.Date], GuardType.Number),
            ["years_between"] = ([GuardType.Date, GuardType.Date], GuardType.Number),
            ["start_of_next_month"] = ([GuardType.Date], GuardType.Date),
            ["has_role"] = ([GuardType.Text], GuardType.Boolean),
        };

    /// <summary>Role names as <c>has_role</c> takes them: the JSON spelling of <see cref="CaseRole"/>.</summary>
    public static IReadOnlyDictionary<string, CaseRole> Roles { get; } = Enum.GetValues<CaseRole>()
        .ToDictionary(r => r.ToString().ToLowerInvariant(), r => r, StringComparer.Ordinal);

    public static FieldValue Call(string function, IReadOnlyList<FieldValue> arguments, CaseActor actor)
    {
        if (function == "has_role")
        {
            return FieldValue.Boolean(Roles.TryGetValue(arguments[0].AsText, out var role) && actor.Roles.Contains(role));
        }

        if (arguments.Any(a => a.IsNull))
        {
            return FieldValue.Null;
        }

        var from = arguments[0].AsDate;
        if (function == "start_of_next_month")
        {
            return FieldValue.Date(new DateOnly(from.Year, from.Month, 1).AddMonths(1));
        }

        var to = arguments[1].AsDate;
        return function switch
        {
            "days_between" => FieldValue.Number(to.DayNumber - from.DayNumber),
            "months_between" => FieldValue.Number(WholeMonths(from, to)),
            _ => FieldValue.Number(WholeMonths(from, to) / 12),
        };
    }

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>, negative when it lies before.</summary>
    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WholeMonths(to, from);
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }
}
