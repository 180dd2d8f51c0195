using Affairs.Workflows.Cases;
using Mediator;

namespace Affairs.Workflows.Audit;

/// <summary>Recomputes one case's hash chain and reports the first event that does not match.</summary>
/// <param name="CaseId">The case.</param>
public sealed record VerifyCase(string CaseId) : IQuery<ChainCheck>;

internal sealed class VerifyCaseHandler(ChainVerifier verifier) : IQueryHandler<VerifyCase, ChainCheck>
{
    public async ValueTask<ChainCheck> Handle(VerifyCase query, CancellationToken cancellationToken)
    {
        var check = await verifier.VerifyAsync(CaseStreams.For(query.CaseId), cancellationToken).ConfigureAwait(false);
        return check.EventsChecked == 0
            ? throw Domain.Rejections.CommandRejectedException.NotFound("case.not-found", $"No case {query.CaseId} exists.")
            : check;
    }
}
