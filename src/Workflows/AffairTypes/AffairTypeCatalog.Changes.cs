using Affairs.Domain.AffairTypes;
using Affairs.Domain.Rejections;

namespace Affairs.Workflows.AffairTypes;

/// <summary>
/// Checking a definition against what this catalog knows, and taking in what the commands
/// (<see cref="PublishAffairType"/>, <see cref="RetireAffairTypeVersion"/>) wrote. The catalog writes nothing itself.
/// </summary>
public sealed partial class AffairTypeCatalog
{
    /// <summary>The stable code of a definition that does not validate.</summary>
    public const string InvalidCode = "affair-type.invalid";

    /// <summary>Validates and compiles a definition given as JSON, without publishing it.</summary>
    /// <param name="json">The definition document.</param>
    /// <exception cref="CommandRejectedException"><see cref="InvalidCode"/>, listing every problem with its JSON path.</exception>
    public CompiledAffairType Compile(string json)
    {
        var result = AffairTypeLoader.Load(json, _posts);
        return result.IsValid ? CompiledAffairType.Compile(result.Definition!, _posts) : throw Invalid(result.Problems);
    }

    /// <summary>
    /// The refusal of a definition with problems: every one with its JSON path, under <c>problems</c> (path, code,
    /// message).
    /// </summary>
    public static CommandRejectedException Invalid(IReadOnlyList<DefinitionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new CommandRejectedException(
            RejectionKind.Validation,
            InvalidCode,
            $"{problems.Count} problem(s) were found.",
            new Dictionary<string, object?> { ["problems"] = problems });
    }

    /// <summary>Takes in a version just published, unless the catalog already holds it (its retirement included).</summary>
    internal void Published(CompiledAffairType type, string? retiredReason)
    {
        if (!_types.TryGetValue(type.Id, out var versions) || !versions.ContainsKey(type.Version))
        {
            Remember(new AffairTypeVersion(type, retiredReason));
        }
    }

    /// <summary>Takes in a retirement just recorded, for a version the catalog holds.</summary>
    internal void Retired(string id, int version, string reason)
    {
        if (Versions(id).FirstOrDefault(v => v.Type.Version == version) is { } held)
        {
            Remember(held with { RetiredReason = reason });
        }
    }
}
