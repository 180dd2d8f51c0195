using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Affairs.Host.Tests.Contract;

/// <summary>
/// The served document read back with Microsoft.OpenApi's reader and checked with its default rules, and with the
/// contract's own: every operation named and summarised, a typed success answer, and every problem a
/// <c>ProblemDetails</c>.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ContractLintTests(HostFactory host)
{
    [Fact]
    public async Task the_document_reads_and_validates_without_errors()
    {
        var (document, diagnostic) = await ReadAsync();

        Assert.Empty(diagnostic.Errors.Select(e => e.ToString()));
        Assert.Empty(document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => $"{e.Pointer}: {e.Message}"));
    }

    [Fact]
    public async Task every_operation_has_a_summary_an_id_a_typed_success_and_problem_details()
    {
        var (document, _) = await ReadAsync();

        var findings = Operations(document).SelectMany(o => Findings(o.Path, o.Method, o.Operation)).ToList();

        Assert.Empty(findings);
        var ids = Operations(document).Select(o => o.Operation.OperationId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task the_problem_schema_carries_every_extension_member_the_host_writes()
    {
        var (document, _) = await ReadAsync();

        var problem = document.Components!.Schemas!["ProblemDetails"];
        Assert.Superset(
            new HashSet<string> { "type", "title", "status", "detail", "instance", "code", "correlationId", "errors", "problems", "currentRevision", "refusals", "permittedTriggers" },
            problem.Properties!.Keys.ToHashSet());
        Assert.Contains("code", problem.Required!);
        Assert.Equal(JsonSchemaType.Integer, problem.Properties["currentRevision"].Type);
        Assert.Equal(JsonSchemaType.Array, problem.Properties["errors"].AdditionalProperties!.Type);
    }

    [Fact]
    public async Task numbers_are_numbers_and_nullable_properties_are_optional()
    {
        var (document, _) = await ReadAsync();

        var schemas = document.Components!.Schemas!;
        var stringlyNumbers = schemas.SelectMany(s => (s.Value.Properties ?? new Dictionary<string, IOpenApiSchema>())
                .Where(p => p.Value.Type is { } type && (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number)) && type.HasFlag(JsonSchemaType.String))
                .Select(p => $"{s.Key}.{p.Key}"))
            .ToList();
        var requiredNullables = schemas.SelectMany(s => (s.Value.Required ?? new HashSet<string>())
                .Where(r => s.Value.Properties is { } properties && properties.TryGetValue(r, out var property)
                    && ((property.Type is { } type && type.HasFlag(JsonSchemaType.Null)) || property.OneOf?.Any(o => o.Type == JsonSchemaType.Null) == true))
                .Select(r => $"{s.Key}.{r}"))
            .ToList();

        Assert.Empty(stringlyNumbers);
        Assert.Empty(requiredNullables);
        Assert.DoesNotContain("version", schemas["OpenCaseRequest"].Required!);
        Assert.DoesNotContain("responsible", schemas["CaseView"].Required!);
        Assert.Equal(JsonSchemaType.Integer | JsonSchemaType.Null, schemas["OpenCaseRequest"].Properties!["version"].Type);
    }

    [Fact]
    public async Task writes_declare_their_headers_and_answers_declare_theirs()
    {
        var (document, _) = await ReadAsync();

        var fire = document.Paths!["/api/cases/{id}/triggers/{trigger}"].Operations![HttpMethod.Post];
        var open = document.Paths["/api/cases"].Operations![HttpMethod.Post];
        var headers = fire.Parameters!.Where(p => p.In == ParameterLocation.Header).Select(p => p.Name).ToHashSet();

        Assert.Superset(new HashSet<string?> { "If-Match", "Idempotency-Key", "X-Correlation-Id" }, headers);
        Assert.Superset(new HashSet<string> { "ETag", "X-Correlation-Id" }, fire.Responses!["200"].Headers!.Keys.ToHashSet());
        Assert.Contains("Location", open.Responses!["201"].Headers!.Keys);
        Assert.Superset(new HashSet<string> { "400", "401", "403", "404", "409", "413", "415", "422" }, fire.Responses.Keys.ToHashSet());
    }

    private static IEnumerable<string> Findings(string path, HttpMethod method, OpenApiOperation operation)
    {
        var name = $"{method} {path}";
        if (string.IsNullOrWhiteSpace(operation.Summary))
        {
            yield return $"{name}: no summary";
        }

        if (string.IsNullOrWhiteSpace(operation.OperationId))
        {
            yield return $"{name}: no operationId";
        }

        var responses = operation.Responses ?? [];
        if (!responses.Any(r => r.Key == "204" || (r.Key.StartsWith('2') && r.Value.Content?.Values.Any(c => c.Schema is not null) == true)))
        {
            yield return $"{name}: no 2xx answer with a schema, and no 204";
        }

        var problems = responses.Where(r => r.Key[0] is '4' or '5').ToList();
        if (path.StartsWith("/api/", StringComparison.Ordinal) && problems.Count == 0)
        {
            yield return $"{name}: no problem answer";
        }

        foreach (var (status, response) in problems)
        {
            if (response.Content is null || !response.Content.TryGetValue("application/problem+json", out var content)
                || content.Schema is not OpenApiSchemaReference { Reference.Id: "ProblemDetails" })
            {
                yield return $"{name}: {status} is not a ProblemDetails";
            }
        }
    }

    private static IEnumerable<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths!.SelectMany(p => (p.Value.Operations ?? []).Select(o => (p.Key, o.Key, o.Value)));

    private async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> ReadAsync()
    {
        var text = await ContractDocument.ServedAsync(host);
        var read = OpenApiDocument.Parse(text, OpenApiConstants.Json);
        Assert.NotNull(read.Document);
        return (read.Document!, read.Diagnostic!);
    }
}
