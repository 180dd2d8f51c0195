using Mediator;

namespace Affairs.Workflows.Ledger;

/// <summary>Computes the ledger digest of the log as it is now, for an auditor to keep outside the engine.</summary>
public sealed record GetLedgerDigest : IQuery<LedgerDigest>;

internal sealed class GetLedgerDigestHandler(LedgerVerifier verifier) : IQueryHandler<GetLedgerDigest, LedgerDigest>
{
    public async ValueTask<LedgerDigest> Handle(GetLedgerDigest query, CancellationToken cancellationToken) =>
        await verifier.ComputeAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
}
