using System.Net;

namespace Affairs.Host.Tests.Contract;

/// <summary>The host behaves as the document says: numbers are numbers, and each version publishes its data schema.</summary>
[Collection(HostCollection.Name)]
public sealed class ContractBehaviourTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task a_string_where_an_integer_is_due_is_a_400_problem()
    {
        var response = await _centre.A.PostRaw("/api/cases", """{ "affairTypeId": "dibao", "subjectId": "h-x", "version": "2" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("request.malformed-json", (await response.Json()).Str("code"));
    }

    [Fact]
    public async Task the_data_schema_lists_every_field_with_its_type_and_limits()
    {
        var schema = await Centre.Ok(_centre.A.GetAsync("/api/affair-types/dibao/versions/3/data-schema"));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.Str("$schema"));
        Assert.False(schema.GetProperty("unevaluatedProperties").GetBoolean());
        var properties = schema.GetProperty("properties");
        Assert.Contains("householdSize", properties.EnumerateObject().Select(p => p.Name));
        var size = properties.GetProperty("householdSize");
        Assert.Equal(["integer", "null"], size.GetProperty("type").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal((1, 20), (size.GetProperty("minimum").GetInt32(), size.GetProperty("maximum").GetInt32()));
        Assert.Equal("investigation", size.Str("x-requiredFrom"));
        Assert.Equal("^(?:[0-9]{12,19})$", properties.GetProperty("bankAccount").Str("pattern"));
        Assert.True(properties.GetProperty("bankAccount").GetProperty("x-personal").GetBoolean());
        Assert.Equal(["initial", "re-review", null], properties.GetProperty("applicationKind").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("array", properties.GetProperty("missingItems").GetProperty("type")[0].GetString());
    }

    [Fact]
    public async Task the_data_schema_of_an_unknown_version_is_a_404_problem()
    {
        var response = await _centre.A.GetAsync("/api/affair-types/dibao/versions/99/data-schema");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("affair-type.not-found", (await response.Json()).Str("code"));
    }
}
