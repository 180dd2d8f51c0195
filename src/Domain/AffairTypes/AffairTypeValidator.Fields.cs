using System.Text.RegularExpressions;
using Affairs.Domain.AffairTypes.Guards;

namespace Affairs.Domain.AffairTypes;

/// <summary>Fields, parameters and materials.</summary>
public sealed partial class AffairTypeValidator
{
    private void CheckFields()
    {
        for (var i = 0; i < _definition.Fields.Count; i++)
        {
            var field = _definition.Fields[i];
            var path = $"$.fields[{i}]";
            CheckIdentifier($"{path}.name", field.Name, "A field's name");
            if (field.Name.Length > 0 && !_fields.TryAdd(field.Name, field))
            {
                Add($"{path}.name", "duplicate-name", $"The field '{field.Name}' is declared twice.");
            }

            if (field.Type is null)
            {
                Add($"{path}.type", "required", $"The field '{field.Name}' needs a type.");
            }

            CheckStateReference($"{path}.requiredFrom", field.RequiredFrom, $"The field '{field.Name}'");
            CheckFieldValidation(path, field);
        }

        CheckParameters();
        CheckMaterials();
    }

    private void CheckFieldValidation(string path, FieldDefinition field)
    {
        var numeric = field.Type is FieldType.Integer or FieldType.Decimal;
        if ((field.Min is not null || field.Max is not null) && !numeric)
        {
            Add(path, "invalid-validation", $"The field '{field.Name}' has a range, which only numbers can have.");
        }
        else if (field.Min > field.Max)
        {
            Add($"{path}.min", "invalid-validation", $"The field '{field.Name}' has a minimum above its maximum.");
        }

        if (field.Pattern is { } pattern)
        {
            if (field.Type is not (FieldType.Text or FieldType.List))
            {
                Add($"{path}.pattern", "invalid-validation", $"The field '{field.Name}' has a pattern, which only text and lists of text can have.");
            }
            else if (!IsRegex(pattern))
            {
                Add($"{path}.pattern", "invalid-validation", $"The pattern of field '{field.Name}' is not a valid regular expression.");
            }
            else if (!IsLinear(pattern))
            {
                Add($"{path}.pattern", "invalid-validation",
                    $"The pattern of field '{field.Name}' uses a construct (a back-reference, look-around or atomic group) that cannot be matched in linear time.");
            }
        }

        if (field.Type == FieldType.Enum ? field.Values.Count == 0 : field.Type != FieldType.List && field.Values.Count > 0)
        {
            Add($"{path}.values", "invalid-validation", field.Type == FieldType.Enum
                ? $"The enum field '{field.Name}' needs its list of values."
                : $"The field '{field.Name}' lists values, which only an enum or a list field can have.");
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the pattern can be matched without backtracking: then a match takes time linear in the input, so data
    /// validation needs no timeout, and a decision never depends on how busy the machine is.
    /// </summary>
    public static bool IsLinear(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void CheckParameters()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _definition.Parameters.Count; i++)
        {
            var parameter = _definition.Parameters[i];
            CheckIdentifier($"$.parameters[{i}].name", parameter.Name, "A parameter's name");
            if (parameter.Name.Length > 0 && !seen.Add(parameter.Name))
            {
                Add($"$.parameters[{i}].name", "duplicate-name", $"The parameter '{parameter.Name}' is declared twice.");
            }

            if (parameter.Type is null or FieldType.Enum or FieldType.List)
            {
                Add($"$.parameters[{i}].type", "required", $"The parameter '{parameter.Name}' needs a type (text, integer, decimal, boolean or date).");
            }
        }
    }

    private void CheckMaterials()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scope = new GuardScope(_definition);
        for (var i = 0; i < _definition.Materials.Count; i++)
        {
            var material = _definition.Materials[i];
            CheckSlug($"$.materials[{i}].id", material.Id, "A material's id");
            if (material.Id.Length > 0 && !seen.Add(material.Id))
            {
                Add($"$.materials[{i}].id", "duplicate-name", $"The material '{material.Id}' is declared twice.");
            }

            CheckName($"$.materials[{i}].requiredFrom", material.RequiredFrom, $"The state from which material '{material.Id}' is required");
            CheckStateReference($"$.materials[{i}].requiredFrom", material.RequiredFrom.Length == 0 ? null : material.RequiredFrom, $"The material '{material.Id}'");
            if (material.RequiredWhen is { } condition)
            {
                GuardExpression.Compile(condition, scope, out var problems);
                foreach (var problem in problems)
                {
                    Add($"$.materials[{i}].requiredWhen", problem.Code, $"At character {problem.Position + 1}: {problem.Message}.");
                }
            }
        }
    }
}
