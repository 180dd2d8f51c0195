using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Affairs.Host.OpenApi;

/// <summary>
/// A property that may be null is optional: the host's JSON leaves nulls out of answers, and a request may leave the
/// field out. Only non-nullable properties stay in <c>required</c>. Runs on the finished components, since a nullable
/// reference becomes <c>oneOf: [null, $ref]</c> only once the schemas are collected.
/// </summary>
internal sealed class OptionalProperties : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var schema in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
        {
            if (schema.Required is not { Count: > 0 } required || schema.Properties is null)
            {
                continue;
            }

            foreach (var (name, property) in schema.Properties)
            {
                if (IsNullable(property))
                {
                    required.Remove(name);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the schema admits null: <c>type: [..., null]</c>, or a <c>oneOf</c>/<c>anyOf</c> with a null branch.</summary>
    public static bool IsNullable(IOpenApiSchema property) =>
        (property.Type is { } type && type.HasFlag(JsonSchemaType.Null))
        || (property.OneOf ?? property.AnyOf)?.Any(s => s.Type == JsonSchemaType.Null) == true;
}
