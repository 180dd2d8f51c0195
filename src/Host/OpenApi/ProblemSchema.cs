using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Affairs.Host.OpenApi;

/// <summary>
/// One <c>ProblemDetails</c> component with every member the host writes (see <c>Problems/ApiProblems.cs</c> and the
/// engine's refusal details), and every 4xx or 5xx answer of every operation pointing at it as
/// <c>application/problem+json</c>.
/// </summary>
internal sealed class ProblemSchema : IOpenApiDocumentTransformer
{
    public const string ComponentName = "ProblemDetails";
    public const string MediaType = "application/problem+json";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ComponentName] = Create();
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value))
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is OpenApiResponse problem && int.TryParse(status, out var code) && code >= 400)
                {
                    problem.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [MediaType] = new() { Schema = Reference(document) },
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    public static OpenApiSchemaReference Reference(OpenApiDocument document) => new(ComponentName, document);

    private static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem. Branch on `code`; the other extension members appear where the problem has them.",
        Required = new HashSet<string> { "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the HTTP status class of the problem."),
            ["title"] = Text("A short summary for people."),
            ["status"] = Integer("The HTTP status code.", "int32"),
            ["detail"] = Text("An explanation for people; never contains the request's input."),
            ["instance"] = Text("The request path."),
            ["code"] = Text("The stable, dotted code of the problem (`validation.failed`, `concurrency.conflict`, `case.trigger-not-permitted`, `auth.forbidden`, …)."),
            ["correlationId"] = Text("The request's correlation id (`X-Correlation-Id`): quote it when reporting a problem."),
            ["traceId"] = Text("The trace of the request, where tracing is on."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "400 validation.failed: the messages by field name.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["problems"] = Items(
                "400 affair-type.invalid: every problem of the definition, with its JSON path.",
                Record(("path", "Where in the definition."), ("code", "The problem's code."), ("message", "The problem, for people."))),
            ["expectedRevision"] = Integer("409 concurrency.conflict: the revision the request expected (If-Match).", "int64"),
            ["currentRevision"] = Integer("409 concurrency.conflict: the stream's revision now; read again and resend with it.", "int64"),
            ["latestVersion"] = Integer("409 publication.version-conflict: the latest published version.", "int32"),
            ["state"] = Text("422: the case's state when the trigger was refused."),
            ["refusals"] = Items(
                "422 case.trigger-not-permitted: why the trigger was refused.",
                Record(("code", "The refusal's code (`wrong-state`, `role-not-allowed`, `guard-false`, `missing-field`, `missing-material`, …)."), ("message", "The refusal, for people."))),
            ["permittedTriggers"] = Items("422: the triggers the caller may fire now.", new OpenApiSchema { Type = JsonSchemaType.String }),
            ["responsible"] = Text("403 case.not-responsible: the staff member who may act on the case now."),
            ["responsibleRole"] = Text("403 case.not-responsible: the role they act in (a, b, supervisor, …)."),
            ["existingResidentId"] = Text("409 resident.duplicate: the resident the identity number belongs to."),
            ["residentStatus"] = Text("422 resident.not-active: the resident's status (deceased, moved-out)."),
            ["command"] = Text("422 idempotency.key-reused: the command the key was first used for."),
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema Integer(string description, string format) => new() { Type = JsonSchemaType.Integer, Format = format, Description = description };

    private static OpenApiSchema Items(string description, IOpenApiSchema items) => new() { Type = JsonSchemaType.Array, Description = description, Items = items };

    private static OpenApiSchema Record(params (string Name, string Description)[] members) => new()
    {
        Type = JsonSchemaType.Object,
        Required = members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal),
        Properties = members.ToDictionary(m => m.Name, m => (IOpenApiSchema)Text(m.Description), StringComparer.Ordinal),
    };
}
