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
            return new AffairTypeLoadResult(null, [new DefinitionProblem(e.Path ?? "$", "invalid-json", FirstSentence(e.Message))]);
        }

        if (definition is null)
        {
            return new AffairTypeLoadResult(null, [new DefinitionProblem("$", "invalid-json", "The document is empty.")]);
        }

        return new AffairTypeLoadResult(definition, AffairTypeValidator.Validate(definition, posts));
    }

    /// <summary>The serializer's message without its path and position suffix, which the problem's path carries.</summary>
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
