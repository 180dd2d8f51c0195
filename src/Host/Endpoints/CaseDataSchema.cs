using System.Text.Json.Serialization;
using Affairs.Domain.AffairTypes;

namespace Affairs.Host.Endpoints;

/// <summary>
/// The JSON Schema (draft 2020-12) of a case's <c>data</c> for one version of an affair type: every field the
/// definition declares and no other (<c>unevaluatedProperties</c>, which generators do not confuse with their own
/// <c>AdditionalProperties</c>). Nothing is required at every state; each field's <c>x-requiredFrom</c> names
/// the state it is needed for.
/// </summary>
internal sealed record CaseDataSchema(
    [property: JsonPropertyName("$schema")] string Schema,
    [property: JsonPropertyName("$id")] string Id,
    string Title,
    string Type,
    IReadOnlyDictionary<string, DataFieldSchema> Properties,
    bool UnevaluatedProperties)
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    public static CaseDataSchema For(AffairTypeDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new CaseDataSchema(
            Draft,
            $"/api/affair-types/{definition.Id}/versions/{definition.Version}/data-schema",
            $"The data of a {definition.Id} case, version {definition.Version}",
            "object",
            definition.Fields.ToDictionary(f => f.Name, DataFieldSchema.For, StringComparer.Ordinal),
            UnevaluatedProperties: false);
    }
}
