using Affairs.Host.OpenApi;
using Affairs.Host.Security;
using Affairs.Workflows.Ledger;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>
/// The whole log for auditors: check every stream of every kind, compute the ledger digest to keep outside, and prove
/// later against that digest that nothing it covered was deleted, reordered or rewritten.
/// </summary>
internal static class LedgerEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var ledger = api.MapGroup("/ledger").WithTags("Ledger");
        ledger.MapGet("/verify", Verify).RequireAuthorization(AccessPolicies.Audit).WithName("VerifyLedger")
            .WithSummary("Recomputes every stream's hash chain and compares the log with the ledger digests recorded in it.")
            .Produces<LedgerCheck>();
        ledger.MapPost("/verify", VerifyAgainst).RequireAuthorization(AccessPolicies.Audit).WithName("VerifyLedgerAgainstDigest")
            .WithSummary("As GET, and proves that everything the posted ledger digest covered is still in the log, unchanged and in order.")
            .Accepts<LedgerDigest>("application/json").Produces<LedgerCheck>().ReadsOnly();
        ledger.MapGet("/digest", Digest).RequireAuthorization(AccessPolicies.Audit).WithName("GetLedgerDigest")
            .WithSummary("Computes the ledger digest of the log as it is now, to keep outside the engine.")
            .Produces<LedgerDigest>();
    }

    private static async Task<IResult> Verify(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VerifyLedger(), ct));

    private static async Task<IResult> VerifyAgainst(LedgerDigest digest, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new VerifyLedger(digest), ct));

    private static async Task<IResult> Digest(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetLedgerDigest(), ct));
}
