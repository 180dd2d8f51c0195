using Affairs.Host.Security;
using Microsoft.OpenApi;

namespace Affairs.Host.OpenApi;

/// <summary>The OpenAPI document at <c>/openapi/v1.json</c>: the contract a third-party generator turns into a client.</summary>
internal static class OpenApiRegistration
{
    public static IServiceCollection AddAffairsOpenApi(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddOperationTransformer<OperationContract>();
        o.AddSchemaTransformer<NullableItems>();
        o.AddSchemaTransformer<AlwaysWritten>();
        o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Affairs API",
                Version = "v1",
                Description = "Cases of a community service centre as event-sourced workflows. Every problem is application/problem+json with a stable `code`; writes take `Idempotency-Key`, case writes `If-Match`.",
            };
            return Task.CompletedTask;
        });
        o.AddDocumentTransformer<ApiKeyOpenApi>();
        o.AddDocumentTransformer<ProblemSchema>();
        o.AddDocumentTransformer<OptionalProperties>();
    });
}
