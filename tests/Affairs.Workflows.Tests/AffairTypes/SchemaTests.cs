using System.Text.Json;
using System.Text.Json.Nodes;
using Affairs.Domain.AffairTypes;

namespace Affairs.Workflows.Tests.AffairTypes;

/// <summary>The published JSON Schema and the definition model describe the same document.</summary>
public sealed class SchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "affair-type.schema.json")))!;

    private static IEnumerable<string> Enum(string pointer) => Resolve(pointer)["enum"]!.AsArray().Select(n => n!.GetValue<string>());

    private static JsonNode Resolve(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(Schema, (node, part) => node[part]!);

    private static IEnumerable<string> Kebab<T>()
        where T : struct, System.Enum => System.Enum.GetValues<T>().Select(v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    [Fact]
    public void the_schema_is_draft_2020_12()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void the_schemas_enumerations_are_the_models()
    {
        Assert.Equal(Kebab<SubjectKind>(), Enum("properties/subject"));
        Assert.Equal(Kebab<FieldType>(), Enum("$defs/valueType"));
        Assert.Equal(Kebab<PeriodUnit>(), Enum("$defs/period/properties/unit"));
        Assert.Equal(Kebab<Outcome>(), Enum("$defs/state/properties/outcome"));
        Assert.Equal(Kebab<CaseRole>(), Enum("$defs/transition/properties/roles/items"));
    }

    [Theory]
    [InlineData("properties", typeof(AffairTypeDefinition))]
    [InlineData("$defs/field/properties", typeof(FieldDefinition))]
    [InlineData("$defs/parameter/properties", typeof(ParameterDeclaration))]
    [InlineData("$defs/material/properties", typeof(MaterialDefinition))]
    [InlineData("$defs/state/properties", typeof(StateDefinition))]
    [InlineData("$defs/timer/properties", typeof(TimerDefinition))]
    [InlineData("$defs/transition/properties", typeof(TransitionDefinition))]
    [InlineData("$defs/clock/properties", typeof(ClockDefinition))]
    [InlineData("$defs/clock/properties/extension/properties", typeof(ClockExtension))]
    [InlineData("$defs/period/properties", typeof(Period))]
    [InlineData("$defs/localizedText/properties", typeof(LocalizedText))]
    public void the_schema_declares_exactly_the_members_the_loader_reads(string pointer, Type model)
    {
        var info = AffairTypeJson.Options.GetTypeInfo(model);
        var members = info.Properties.Where(p => p.Set is not null).Select(p => p.Name).Order(StringComparer.Ordinal);

        Assert.Equal(members, Resolve(pointer).AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }
}
