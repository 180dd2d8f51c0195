using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Affairs.Host.OpenApi;

/// <summary>
/// A list whose items may be null (<c>IReadOnlyList&lt;string?&gt;</c>, such as a data field's <c>enum</c>, which
/// lists null as an allowed value) declares its items nullable: the generator reads the nullability of a property,
/// not of its type arguments.
/// </summary>
internal sealed class NullableItems : IOpenApiSchemaTransformer
{
    private readonly NullabilityInfoContext _nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider is PropertyInfo property
            && schema.Items is OpenApiSchema { Type: { } type } items
            && !type.HasFlag(JsonSchemaType.Null))
        {
            NullabilityInfo info;
            lock (_nullability)
            {
                info = _nullability.Create(property);
            }

            if (info.GenericTypeArguments is [{ ReadState: NullabilityState.Nullable }] || info.ElementType is { ReadState: NullabilityState.Nullable })
            {
                items.Type = type | JsonSchemaType.Null;
            }
        }

        return Task.CompletedTask;
    }
}
