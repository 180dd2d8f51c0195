using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Affairs.Host.Tests.Contract;

/// <summary>
/// Checks answers against the schemas an OpenAPI 3.1 document declares for them (JSON Schema 2020-12), with
/// JsonSchema.Net. The document is registered whole under a base URI, so every <c>$ref</c> into
/// <c>#/components/schemas</c> resolves in it. Objects are read as closed: a member the schema does not declare is a
/// mismatch (<c>unevaluatedProperties: false</c> is added to every schema that lists <c>properties</c> and says
/// nothing of others), since a client generated from the document would drop it, and a schema with no required
/// members would otherwise accept any object. Formats (<c>date</c>, <c>date-time</c>, …) are asserted.
/// </summary>
public sealed class ContractConformance
{
    private static readonly Uri Base = new("https://contract.affairs.invalid/openapi/v1.json");

    private static readonly string[] SubschemaKeywords = ["items", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "not", "contains", "propertyNames", "if", "then", "else"];

    private static readonly string[] SchemaListKeywords = ["oneOf", "anyOf", "allOf", "prefixItems"];

    private readonly JsonObject _document;
    private readonly BuildOptions _build;
    private readonly EvaluationOptions _evaluation = new() { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true };

    public ContractConformance(string documentText)
    {
        _document = JsonNode.Parse(documentText)!.AsObject();
        foreach (var (_, schema) in _document["components"]?["schemas"]?.AsObject() ?? [])
        {
            Close(schema);
        }

        var registry = new SchemaRegistry();
        registry.Register(Base, new JsonElementBaseDocument(JsonSerializer.SerializeToElement(_document), Base));
        _build = new BuildOptions { SchemaRegistry = registry, Dialect = Dialect.Draft202012 };
    }

    /// <summary>Every operation the document lists: its id, path, method, and the 2xx statuses it declares.</summary>
    public IEnumerable<(string OperationId, string Method, string Path, IReadOnlyList<string> Successes)> Operations() =>
        from path in _document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where operation.Value is JsonObject { } declared && declared.ContainsKey("responses")
        let successes = operation.Value!["responses"]!.AsObject().Select(r => r.Key).Where(s => s.StartsWith('2')).ToList()
        select (operation.Value!["operationId"]!.GetValue<string>(), operation.Key.ToUpperInvariant(), path.Key, (IReadOnlyList<string>)successes);

    /// <summary>Where the answer differs from what the document declares for its operation and status; empty when it conforms.</summary>
    public IEnumerable<string> Mismatches(Exchange exchange)
    {
        var name = $"{exchange.OperationId} {exchange.Status} ({exchange.Request})";
        var operation = Operation(exchange.OperationId);
        if (operation is null)
        {
            yield return $"{name}: the operation is not in the document";
            yield break;
        }

        var status = exchange.Status.ToString(CultureInfo.InvariantCulture);
        if (operation["responses"]?[status] is not JsonObject response)
        {
            yield return $"{name}: the document declares no {status} answer";
            yield break;
        }

        foreach (var mismatch in HeaderMismatches(response, exchange))
        {
            yield return $"{name}: {mismatch}";
        }

        foreach (var mismatch in BodyMismatches(response, exchange))
        {
            yield return $"{name}: {mismatch}";
        }
    }

    private JsonObject? Operation(string operationId) =>
        _document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value))
            .OfType<JsonObject>()
            .FirstOrDefault(o => o["operationId"]?.GetValue<string>() == operationId);

    private IEnumerable<string> HeaderMismatches(JsonObject response, Exchange exchange)
    {
        var declared = response["headers"]?.AsObject() ?? [];
        foreach (var (header, declaration) in declared)
        {
            if (!exchange.Headers.TryGetValue(header, out var value))
            {
                if (declaration?["required"]?.GetValue<bool>() == true)
                {
                    yield return $"header {header} is required but was not sent";
                }

                continue;
            }

            var schema = declaration?["schema"];
            if (schema is null)
            {
                continue;
            }

            var type = schema["type"]?.ToString();
            JsonElement instance;
            if (type is "integer" or "number")
            {
                if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
                {
                    yield return $"header {header}: '{value}' is not a number";
                    continue;
                }

                instance = JsonDocument.Parse(value).RootElement;
            }
            else
            {
                instance = JsonSerializer.SerializeToElement(value);
            }

            foreach (var error in Evaluate(schema, instance))
            {
                yield return $"header {header}: {error}";
            }
        }

        // The contract's own headers must be declared where they are sent, or a client cannot know to read them.
        foreach (var header in new[] { "ETag", "Location", "X-Affairs-Position" })
        {
            if (exchange.Headers.ContainsKey(header) && !declared.Any(d => string.Equals(d.Key, header, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"header {header} is sent but not declared";
            }
        }
    }

    private IEnumerable<string> BodyMismatches(JsonObject response, Exchange exchange)
    {
        var content = response["content"]?.AsObject();
        if (content is null || content.Count == 0)
        {
            if (exchange.Body.Length > 0)
            {
                yield return $"the document declares no content, but {exchange.Body.Length} bytes were sent";
            }

            yield break;
        }

        var mediaType = exchange.ContentType?.Split(';')[0].Trim();
        if (mediaType is null || !content.TryGetPropertyValue(mediaType, out var declared) || declared?["schema"] is not { } schema)
        {
            yield return $"Content-Type '{exchange.ContentType}' is not one the document declares ({string.Join(", ", content.Select(c => c.Key))})";
            yield break;
        }

        var text = Encoding.UTF8.GetString(exchange.Body);
        JsonElement instance;
        if (mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal))
        {
            try
            {
                instance = JsonDocument.Parse(text).RootElement.Clone();
            }
            catch (JsonException e)
            {
                instance = default;
                text = e.Message;
            }

            if (instance.ValueKind == JsonValueKind.Undefined)
            {
                yield return $"the body is not JSON: {text}";
                yield break;
            }
        }
        else
        {
            instance = JsonSerializer.SerializeToElement(text);
        }

        foreach (var error in Evaluate(schema, instance))
        {
            yield return error;
        }
    }

    /// <summary>The failures of <paramref name="instance"/> against <paramref name="schema"/>, each as its JSON path and message.</summary>
    private IEnumerable<string> Evaluate(JsonNode schema, JsonElement instance)
    {
        var absolute = Absolute(schema.DeepClone());
        var built = JsonSchema.FromText(absolute.ToJsonString(), _build);
        var results = built.Evaluate(instance, _evaluation);
        if (results.IsValid)
        {
            return [];
        }

        return Failures(results).Distinct().ToList();
    }

    /// <summary>The errors of a failed node and of its failed children; a passing node (a <c>oneOf</c> branch that matched) hides its children's.</summary>
    private static IEnumerable<string> Failures(EvaluationResults node) =>
        node.IsValid
            ? []
            : (node.Errors ?? (IEnumerable<KeyValuePair<string, string>>)[]).Select(e => $"{Path(node.InstanceLocation.ToString())} {e.Value} (schema {node.EvaluationPath})")
                .Concat((node.Details ?? []).SelectMany(Failures));

    /// <summary>A JSON Pointer as a JSON path: <c>/items/0/id</c> as <c>$.items[0].id</c>.</summary>
    private static string Path(string pointer) =>
        "$" + string.Concat(pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .Select(s => s.All(char.IsAsciiDigit) ? $"[{s}]" : $".{s}"));

    /// <summary>The schema with its document-relative <c>$ref</c>s made absolute, so they resolve in the registered document.</summary>
    private static JsonNode Absolute(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue reference && reference.GetValue<string>().StartsWith('#'))
                {
                    o["$ref"] = Base + reference.GetValue<string>();
                }

                foreach (var (_, child) in o.ToList())
                {
                    if (child is not null)
                    {
                        Absolute(child);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a.OfType<JsonNode>())
                {
                    Absolute(child);
                }

                break;
        }

        return node;
    }

    /// <summary>Marks every schema that lists its properties as closed to others, unless it already says what others may be.</summary>
    private static void Close(JsonNode? schema)
    {
        if (schema is not JsonObject o)
        {
            return;
        }

        if (o["properties"] is JsonObject properties)
        {
            foreach (var (_, property) in properties)
            {
                Close(property);
            }

            if (!o.ContainsKey("additionalProperties") && !o.ContainsKey("unevaluatedProperties"))
            {
                o["unevaluatedProperties"] = false;
            }
        }

        foreach (var keyword in SubschemaKeywords)
        {
            Close(o[keyword]);
        }

        foreach (var keyword in SchemaListKeywords)
        {
            foreach (var item in o[keyword] as JsonArray ?? [])
            {
                Close(item);
            }
        }
    }
}
