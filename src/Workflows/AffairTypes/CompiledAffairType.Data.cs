using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.Policies;
using Affairs.Domain.Rejections;

namespace Affairs.Workflows.AffairTypes;

/// <summary>Case data and policy parameters against the definition's declarations.</summary>
public sealed partial class CompiledAffairType
{
    private readonly Dictionary<string, FieldRule> _fieldRules;

    /// <summary>
    /// Reads data from JSON and checks each value against its field's type, range, pattern and values. Unknown
    /// fields and values that do not fit are refused; the messages name the field, never the value.
    /// </summary>
    /// <param name="values">The values by field name, as a client sent them.</param>
    /// <param name="problems">Every refused value (codes <c>unknown-field</c>, <c>invalid-value</c>).</param>
    /// <returns>The values that were read; complete only when <paramref name="problems"/> is empty.</returns>
    public IReadOnlyDictionary<string, FieldValue> ReadData(IReadOnlyDictionary<string, JsonElement> values, out IReadOnlyList<TriggerRefusal> problems)
    {
        ArgumentNullException.ThrowIfNull(values);
        var read = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var found = new List<TriggerRefusal>();
        foreach (var (name, json) in values)
        {
            if (!_fieldRules.TryGetValue(name, out var rule))
            {
                found.Add(new TriggerRefusal("unknown-field", $"The affair type '{Id}' has no field {Quoted.Of(name)}."));
            }
            else if (rule.Read(json) is { } value)
            {
                read[name] = value;
            }
            else
            {
                found.Add(new TriggerRefusal("invalid-value", $"The value of field {Quoted.Of(name)} {rule.Expectation}."));
            }
        }

        problems = found;
        return read;
    }

    /// <summary>
    /// The values of the declared parameters in <paramref name="set"/>, typed as declared. A parameter missing from
    /// the set is left out; a guard that reads it then fails with <see cref="RefusalCodes.GuardError"/>.
    /// </summary>
    public IReadOnlyDictionary<string, FieldValue> BindParameters(PolicyParameterSet? set)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var parameter in Parameters)
        {
            if (set is not null && set.Values.TryGetValue(parameter.Name, out var json) && FieldValue.FromJson(json, parameter.Type!.Value) is { } value)
            {
                values[parameter.Name] = value;
            }
        }

        return values;
    }
}
