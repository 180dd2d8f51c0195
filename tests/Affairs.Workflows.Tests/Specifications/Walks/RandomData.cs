using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Affairs.Domain.AffairTypes;

namespace Affairs.Workflows.Tests.Specifications.Walks;

/// <summary>
/// Values for a field drawn from its type, mostly valid and sometimes not; the pools hold the numbers and dates the
/// guards compare with (policy values, the case's own data, today and its neighbours) so every guard can go both ways.
/// </summary>
public sealed class RandomData(Random random, IReadOnlyDictionary<string, FieldValue> parameters)
{
    private static readonly decimal[] Numbers = [0m, 1m, 2m, 3m, 6m, 12m, 20m, 150m, 200m, 300m, 380m, 500m, 799.99m, 800m, 1500m, 1500.01m, 2000m, 2000.01m, 2500m, 3000m];
    private static readonly string[] Texts = ["HC-2026-001", "6222020200112233", "s-a", "s-gw", "Meals arrive on time.", "income proof, id cards"];

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(int percent) => random.Next(100) < percent;

    public JsonElement Value(FieldDefinition field, IReadOnlyDictionary<string, FieldValue> data, DateOnly today)
    {
        var invalid = Chance(4);
        object value = field.Type switch
        {
            FieldType.Boolean => invalid ? "yes" : Chance(50),
            FieldType.Enum => invalid ? "something-else" : Pick(field.Values),
            FieldType.Date => invalid ? "2026-02-30" : Date(data, today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            FieldType.Integer => invalid ? (field.Max ?? 1000m) + 1 : decimal.Truncate(Number(field, data)),
            FieldType.Decimal => invalid ? (field.Min ?? 0m) - 1 : Number(field, data),
            FieldType.List => invalid ? Text(field) : Enumerable.Range(0, 1 + random.Next(3)).Select(_ => field.Values.Count > 0 ? Pick(field.Values) : Pick(Texts)).ToArray(),
            _ => invalid && field.Pattern is not null ? "not valid!" : Text(field),
        };
        return JsonSerializer.SerializeToElement(value);
    }

    private decimal Number(FieldDefinition field, IReadOnlyDictionary<string, FieldValue> data)
    {
        var known = parameters.Values.Concat(data.Values).Where(v => v.Kind == FieldValueKind.Number).Select(v => v.AsNumber).ToList();
        var pool = (Chance(50) ? known.Concat(known.SelectMany(a => known.Select(b => a - b))) : Numbers).Where(n => n >= (field.Min ?? 0m) && n <= (field.Max ?? decimal.MaxValue)).ToList();
        return pool.Count == 0 ? field.Min ?? 0m : Pick(pool);
    }

    private DateOnly Date(IReadOnlyDictionary<string, FieldValue> data, DateOnly today)
    {
        var known = parameters.Values.Concat(data.Values).Where(v => v.Kind == FieldValueKind.Date).Select(v => v.AsDate).ToList();
        var nextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        DateOnly[] around = [today, today.AddDays(-1), today.AddDays(1), today.AddDays(-30), nextMonth, nextMonth.AddDays(1), new DateOnly(1941, 8, 9), new DateOnly(1985, 6, 2), new DateOnly(2026, 1, 10)];
        return known.Count > 0 && Chance(50) ? Pick([.. known, .. known.Select(d => d.AddDays(90)), .. known.Select(d => d.AddDays(91)), .. known.Select(d => d.AddMonths(6))]) : Pick(around);
    }

    private string Text(FieldDefinition field) =>
        field.Pattern is { } pattern ? Pick([.. Texts.Where(t => Regex.IsMatch(t, $"^(?:{pattern})$", RegexOptions.CultureInvariant))]) : Pick(Texts);
}
