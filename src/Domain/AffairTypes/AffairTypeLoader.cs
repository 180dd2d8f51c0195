using System.Text.Json;

namespace Affairs.Domain.AffairTypes;

/// <summary>
/// Reads an affair-type definition from JSON and validates it, reporting every problem at once. Built-in types,
/// administrator-defined types and the versions read back from the store all come through here.
/// </summary>
public static class AffairTypeLoader
{
    /// <summary>Reads and validates a definition against the standing posts.</summary>
    public static AffairTypeLoadResult Load(string json) => Load(json, KnownPosts.Standing);

    /// <summary>Reads and validates a definition.</summary>
    /// <param name="json">The document.</param>
    /// <param name="posts">The post ids a handler may name (besides <c>grid</c> and <c>supervisor</c>).</param>
    public static AffairTypeLoadResult Load(string json, IReadOnlySet<string> posts)
    {
        ArgumentNullException.ThrowIfNull(json);
        AffairTypeDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<AffairTypeDefinition>(json, AffairTypeJson.Options);
        }
        catch (JsonException e)
        {
            return new AffairTypeLoadResult(null, [new DefinitionProblem(e.Path ?? "$", "invalid-json", Explain(e))]);
        }

        if (definition is null)
        {
            return new AffairTypeLoadResult(null, [new DefinitionProblem("$", "invalid-json", "The document is empty.")]);
        }

        return new AffairTypeLoadResult(definition, AffairTypeValidator.Validate(definition, posts));
    }

    /// <summary>Says what is wrong without the serializer's CLR type names, which mean nothing to an administrator.</summary>
    private static string Explain(JsonException e)
    {
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return "This member is not part of an affair-type definition here.";
        }

        return e.InnerException is not null
            ? $"The document is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})."
            : "The value here has the wrong type, or is not one of the allowed values.";
    }
}
