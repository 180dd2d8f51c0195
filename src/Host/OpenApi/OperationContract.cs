using Affairs.Host.Requests;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Affairs.Host.OpenApi;

/// <summary>
/// What every operation can answer and send, worked out from the route and its metadata, so a route added later is
/// described without repeating it: 401 unless anonymous (no security requirement then), 403 where a policy applies; 400, 413 and 415 where there is a
/// body; 404 where the route names a resource or a command may refer to one; <c>Idempotency-Key</c>, 409 and 422 on
/// writes; <c>If-Match</c> and <c>ETag</c> where the route declares them (<see cref="ContractMetadata"/>);
/// <c>X-Affairs-Position</c> on the success answers of writes and of reads that record themselves, <c>minPosition</c> on routes that read the read models
/// (<see cref="ContractMetadata.ReadsBoard"/>); <c>X-Correlation-Id</c> everywhere; <c>Location</c> on 201; 503 with <c>Retry-After</c> on every route that reads or
/// writes the store (all of <c>/api</c>, and routes marked <see cref="ContractMetadata.ReadsStore"/>).
/// </summary>
internal sealed class OperationContract : IOpenApiOperationTransformer
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [StatusCodes.Status400BadRequest] = "Bad request: invalid fields (`errors` by field), malformed JSON or a malformed header.",
        [StatusCodes.Status401Unauthorized] = "No valid API key or bearer token.",
        [StatusCodes.Status403Forbidden] = "The caller's role or scopes do not allow this, or the caller is not responsible for the case now.",
        [StatusCodes.Status404NotFound] = "The resource, or one the request refers to, does not exist.",
        [StatusCodes.Status409Conflict] = "Conflict: a stale If-Match (`currentRevision`), a duplicate or a published version already taken.",
        [StatusCodes.Status413PayloadTooLarge] = "The body exceeds the size limit.",
        [StatusCodes.Status415UnsupportedMediaType] = "The body is not application/json.",
        [StatusCodes.Status422UnprocessableEntity] = "Not permitted now: the trigger is refused (`refusals`, `permittedTriggers`), the record is closed, or the idempotency key was used for another request.",
        [StatusCodes.Status503ServiceUnavailable] = "The event store cannot be reached right now (`store.unavailable`): retry after the `Retry-After` seconds. A write may or may not have been applied; retrying with the same Idempotency-Key is safe.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var isApi = description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        var hasBody = operation.RequestBody is not null;
        var isWrite = !HttpMethods.IsGet(description.HttpMethod ?? "GET") && !metadata.OfType<ReadOnlyOperationMetadata>().Any();
        var commits = isWrite || metadata.OfType<RecordedReadMetadata>().Any();
        var ifMatch = metadata.OfType<IfMatchMetadata>().Any();
        var eTag = ifMatch || metadata.OfType<ETagMetadata>().Any();
        var readsBoard = metadata.OfType<BoardReadMetadata>().Any();
        var named = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var hasInput = hasBody || description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query);
        // Every route but an anonymous one needs a caller (the fallback policy); a named policy can also refuse one.
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var policy = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        if (anonymous)
        {
            operation.Security = [];
        }

        operation.Parameters ??= [];
        Header(operation, Correlation.Header, "A correlation id for the request (up to 100 visible ASCII characters); one is made when absent, and it is echoed on the answer and carried into the events.");
        if (isWrite && isApi)
        {
            Header(operation, RequestCommands.IdempotencyHeader, "Makes the write safe to retry: the same key with the same body answers the first answer again; with another body, 422 idempotency.key-reused.");
        }

        if (ifMatch)
        {
            Header(operation, HeaderNames.IfMatch, "The revision the change is based on, as a strong entity tag (`\"7\"`, the ETag of the last answer). A stale one answers 409 with `currentRevision`; without it the change applies to the latest revision.");
        }

        if (readsBoard && !operation.Parameters.Any(p => p.In == ParameterLocation.Query && p.Name == LogPositions.MinPosition))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = LogPositions.MinPosition,
                In = ParameterLocation.Query,
                Required = false,
                Description = $"Read your writes: the `{LogPositions.Header}` of an earlier write. The answer waits until the read models have applied that log position, and answers 503 `{LogPositions.Behind}` if they do not in time.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" },
            });
        }

        Problems(operation, isApi && (hasInput || isWrite || ifMatch || readsBoard), StatusCodes.Status400BadRequest);
        Problems(operation, !anonymous, StatusCodes.Status401Unauthorized);
        Problems(operation, policy, StatusCodes.Status403Forbidden);
        Problems(operation, isApi && (named || isWrite), StatusCodes.Status404NotFound);
        Problems(operation, isApi && isWrite, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);
        Problems(operation, hasBody, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        Problems(operation, isApi || metadata.OfType<StoreBackedMetadata>().Any(), StatusCodes.Status503ServiceUnavailable);
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse answer)
            {
                continue;
            }

            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            answer.Headers[Correlation.Header] = ResponseHeader("The request's correlation id.");
            if (status == "201")
            {
                answer.Headers[HeaderNames.Location] = ResponseHeader("The new resource's path.");
            }

            if (status == "503")
            {
                answer.Headers[HeaderNames.RetryAfter] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                };
            }

            if (status == "503" && readsBoard)
            {
                answer.Description = Descriptions[StatusCodes.Status503ServiceUnavailable] + $" Also when the read models have not reached `{LogPositions.MinPosition}` in time (`{LogPositions.Behind}`, with their `checkpoint`).";
            }

            if (commits && isApi && status.StartsWith('2'))
            {
                answer.Headers[LogPositions.Header] = new OpenApiHeader
                {
                    Description = $"The log position of what the write committed; pass it as `{LogPositions.MinPosition}` to a query to read this write. Absent when the write committed nothing.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                };
            }

            if (eTag && status.StartsWith('2'))
            {
                answer.Headers[HeaderNames.ETag] = ResponseHeader("The resource's revision as a strong entity tag; send it back as If-Match.");
            }
        }

        return Task.CompletedTask;
    }

    private static void Header(OpenApiOperation operation, string name, string description)
    {
        if (operation.Parameters!.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        operation.Parameters!.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    /// <summary>A header every such answer carries (the host sets it on each), so it is declared required.</summary>
    private static OpenApiHeader ResponseHeader(string description) => new()
    {
        Description = description,
        Required = true,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static void Problems(OpenApiOperation operation, bool applies, params int[] statuses)
    {
        if (!applies)
        {
            return;
        }

        operation.Responses ??= [];
        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                // The content (the ProblemDetails component) is set by ProblemSchema for every 4xx.
                operation.Responses[key] = new OpenApiResponse { Description = Descriptions[status] };
            }
            else if (operation.Responses[key] is OpenApiResponse declared)
            {
                declared.Description = Descriptions[status];
            }
        }
    }
}
