using Affairs.Domain.Policies;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Affairs.Host.OpenApi;

/// <summary>
/// Domain types the host answers as they are, whose members have no <c>required</c> keyword because they are built with
/// initialisers, yet are never left out of an answer: a policy version always has its id, version, effective date and
/// values (publishing refuses one without the first three; values default to none), and a timeline always has its list
/// of versions, never null. Declared required and non-null here, so that a generated client need not test for absence.
/// </summary>
internal sealed class AlwaysWritten : IOpenApiSchemaTransformer
{
    private static readonly Type[] Types = [typeof(PolicyParameterSet), typeof(PolicyTimeline)];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && Types.Contains(context.JsonTypeInfo.Type) && schema.Properties is { Count: > 0 } properties)
        {
            foreach (var property in properties.Values.OfType<OpenApiSchema>())
            {
                if (property.Type is { } type)
                {
                    property.Type = type & ~JsonSchemaType.Null;
                }
            }

            schema.Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal);
        }

        return Task.CompletedTask;
    }
}
