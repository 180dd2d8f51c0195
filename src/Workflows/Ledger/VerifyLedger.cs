using Affairs.Domain.Rejections;
using Affairs.Workflows.Pipeline;
using Mediator;

namespace Affairs.Workflows.Ledger;

/// <summary>Checks the whole log: every stream's chain, the digests recorded in it, and the digest given if any.</summary>
/// <param name="Against">A ledger digest kept outside, or null.</param>
public sealed record VerifyLedger(LedgerDigest? Against = null) : IQuery<LedgerCheck>;

internal sealed class VerifyLedgerValidator : ICommandValidator<VerifyLedger>
{
    public void Validate(VerifyLedger command, ValidationErrors errors)
    {
        if (command.Against is not { } digest)
        {
            return;
        }

        var fingerprints = Bytes(digest.Fingerprints);
        errors.AddIf(!string.Equals(digest.Format, LedgerDigest.FormatName, StringComparison.Ordinal), "format", $"The format is {LedgerDigest.FormatName}.")
            .AddIf(digest.Events < 0, "events", "The number of events is 0 or more.")
            .AddIf(digest.LastPosition < 0 || (digest.Events > 0 && digest.LastPosition < digest.Events), "lastPosition", "The last position is at least the number of events.")
            .AddIf(!IsDigest(digest.Digest, digest.Events), "digest", "The digest is 64 lower-case hex digits (empty for an empty log).")
            .AddIf(digest.Stride < 1, "stride", "The stride is 1 or more.")
            .AddIf(digest.Stride >= 1 && fingerprints?.Length != digest.Events / digest.Stride * 4, "fingerprints", "The fingerprints are base64 of four bytes per stride of events.");
    }

    private static byte[]? Bytes(string? base64)
    {
        try
        {
            return base64 is null ? null : Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool IsDigest(string? digest, long events) =>
        digest is not null && (events == 0 ? digest.Length == 0 : digest.Length == 64 && digest.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)));
}

internal sealed class VerifyLedgerHandler(LedgerVerifier verifier) : IQueryHandler<VerifyLedger, LedgerCheck>
{
    public async ValueTask<LedgerCheck> Handle(VerifyLedger query, CancellationToken cancellationToken) =>
        await verifier.VerifyAsync(query.Against, cancellationToken: cancellationToken).ConfigureAwait(false);
}
