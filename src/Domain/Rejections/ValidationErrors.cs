namespace Affairs.Domain.Rejections;

/// <summary>Collects every problem with an input, so that all of them are reported at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether any problem was found.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>Whether a problem with <paramref name="field"/> is already recorded.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Records a problem with <paramref name="field"/>.</summary>
    public ValidationErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Records a problem when <paramref name="failed"/> holds.</summary>
    public ValidationErrors AddIf(bool failed, string field, string message) => failed ? Add(field, message) : this;

    /// <summary>Throws <see cref="CommandRejectedException.Invalid"/> with every problem, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (Any)
        {
            throw ToException();
        }
    }

    /// <summary>The rejection listing every problem recorded so far.</summary>
    public CommandRejectedException ToException() => CommandRejectedException.Invalid(ToDictionary());

    /// <summary>The problems by field.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
