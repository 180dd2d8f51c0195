using System.Text.RegularExpressions;
using Affairs.Domain.Rejections;

namespace Affairs.Domain.AffairTypes;

/// <summary>
/// Checks a definition against every rule and reports each problem with its JSON path. Nothing stops at the first
/// fault: an administrator sees the whole list at once.
/// </summary>
public sealed partial class AffairTypeValidator
{
    private readonly AffairTypeDefinition _definition;
    private readonly IReadOnlySet<string> _posts;
    private readonly List<DefinitionProblem> _problems = [];
    private readonly Dictionary<string, StateDefinition> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldDefinition> _fields = new(StringComparer.Ordinal);

    private AffairTypeValidator(AffairTypeDefinition definition, IReadOnlySet<string> posts)
    {
        _definition = definition;
        _posts = posts;
    }

    /// <summary>Validates <paramref name="definition"/>.</summary>
    /// <param name="definition">The definition.</param>
    /// <param name="posts">The post ids a state's handler may name (besides <c>grid</c> and <c>supervisor</c>).</param>
    /// <returns>Every problem found; empty when the definition is sound.</returns>
    public static IReadOnlyList<DefinitionProblem> Validate(AffairTypeDefinition definition, IReadOnlySet<string> posts)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(posts);
        var validator = new AffairTypeValidator(definition, posts);
        validator.CheckIdentity();
        validator.CheckStates();
        validator.CheckFields();
        validator.CheckTransitions();
        validator.CheckGraph();
        validator.CheckClocks();
        return validator._problems;
    }

    /// <summary>Words a guard reads as keywords or as the decision date, so no field or parameter may take them.</summary>
    private static readonly HashSet<string> Reserved = ["and", "or", "not", "in", "is", "null", "true", "false", "today"];

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    private void Add(string path, string code, string message) => _problems.Add(new DefinitionProblem(path, code, message));

    private void CheckIdentity()
    {
        var d = _definition;
        CheckSlug("$.id", d.Id, "The affair type's id");
        if (d.Version < 1)
        {
            Add("$.version", "invalid-version", "The version must be a whole number from 1.");
        }

        if (d.Name is null || d.Name.ZhCn.Length == 0 || d.Name.En.Length == 0)
        {
            Add("$.name", "required", "The name is required in zh-CN and en.");
        }

        if (d.Subject is null)
        {
            Add("$.subject", "required", "The subject is required: person or household.");
        }
    }

    private void CheckSlug(string path, string value, string what)
    {
        if (value.Length == 0)
        {
            Add(path, "required", $"{what} is required.");
        }
        else if (!Slug().IsMatch(value))
        {
            Add(path, "invalid-name", $"{what} {Quoted.Of(value)} must be lower-case words joined by dashes.");
        }
    }

    private void CheckName(string path, string value, string what)
    {
        if (value.Length == 0)
        {
            Add(path, "required", $"{what} is required.");
        }
    }

    /// <summary>A field or parameter name must be something a guard can write.</summary>
    private void CheckIdentifier(string path, string value, string what)
    {
        CheckName(path, value, what);
        if (value.Length > 0 && (!Identifier().IsMatch(value) || Reserved.Contains(value)))
        {
            Add(path, "invalid-name", $"{what} {Quoted.Of(value)} must be letters, digits and underscores, not starting with a digit, and not a guard keyword.");
        }
    }

    private void CheckStateReference(string path, string? state, string what)
    {
        if (state is not null && !_states.ContainsKey(state))
        {
            Add(path, "unknown-state", $"{what} names the unknown state '{state}'.");
        }
    }

    private void CheckPeriod(string path, Period? period, string what)
    {
        if (period is null)
        {
            Add(path, "required", $"{what} is required.");
        }
        else if (period.Amount < 1 || period.Unit is null)
        {
            Add(path, "invalid-period", $"{what} needs a positive amount and a unit (working-days, calendar-days or months).");
        }
    }
}
