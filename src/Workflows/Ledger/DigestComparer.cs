using System.Globalization;
using Affairs.EventStore;

namespace Affairs.Workflows.Ledger;

/// <summary>
/// Follows a walk of the log against a ledger digest: every event up to the digest's last position must give, link by
/// link, the fingerprints the digest kept and then its last link. The first fingerprint that differs names the event
/// (or, with a stride above 1, the window of events) where the log departs from it.
/// </summary>
internal sealed class DigestComparer
{
    private readonly LedgerDigest _digest;
    private readonly byte[] _fingerprints;
    private long _covered;
    private long _after;
    private string _coveredDigest = string.Empty;
    private long _lastCoveredPosition;
    private long _lastMatched;
    private RecordedEvent? _windowStart;
    private long _windowNumber;
    private LedgerDivergence? _divergence;

    public DigestComparer(LedgerDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        _digest = digest;
        _fingerprints = Convert.FromBase64String(digest.Fingerprints);
    }

    public void Add(RecordedEvent recorded, LedgerLinks links)
    {
        if (recorded.Position > _digest.LastPosition)
        {
            _after++;
            return;
        }

        _covered++;
        _coveredDigest = links.Digest;
        _lastCoveredPosition = recorded.Position;
        if (_divergence is not null)
        {
            return;
        }

        if (_windowStart is null)
        {
            (_windowStart, _windowNumber) = (recorded, _covered);
        }

        var index = (_covered / _digest.Stride) - 1;
        if (_covered % _digest.Stride != 0 || (index + 1) * 4 > _fingerprints.Length)
        {
            return;
        }

        if (LedgerChain.Fingerprint(links.Digest).SequenceEqual(_fingerprints.AsSpan((int)index * 4, 4)))
        {
            (_lastMatched, _windowStart) = (recorded.Position, null);
        }
        else
        {
            _divergence = Departs(_windowStart);
        }
    }

    public DigestComparison Finish()
    {
        var matches = _divergence is null && _covered == _digest.Events && string.Equals(_coveredDigest, _digest.Digest, StringComparison.Ordinal);
        var divergence = matches ? null : _divergence ?? (_windowStart is { } start ? Departs(start) : EndsEarly());
        return new DigestComparison(_digest.Events, _digest.LastPosition, matches, _covered, _after, divergence);
    }

    private LedgerDivergence Departs(RecordedEvent start)
    {
        var gap = start.Position > _lastMatched + 1 ? $" No event is stored between positions {_lastMatched} and {start.Position}." : string.Empty;
        var what = _digest.Stride == 1
            ? $"The digest's event {_windowNumber} is not in the log as it was: after position {_lastMatched}, the last that matches, the log now has position {start.Position} ({start.Stream}, revision {start.Revision})."
            : $"One of the digest's events {_windowNumber}–{_windowNumber + _digest.Stride - 1} is not in the log as it was: after position {_lastMatched}, the last known to match, the log now has position {start.Position} ({start.Stream}, revision {start.Revision}) and what follows.";
        return new LedgerDivergence(
            _windowNumber,
            _lastMatched,
            start.Position,
            start.Stream.Value,
            start.Revision,
            string.Create(CultureInfo.InvariantCulture, $"{what} An event there was deleted, inserted, moved or rewritten.{gap}"));
    }

    private LedgerDivergence EndsEarly() => new(
        _covered + 1,
        _lastCoveredPosition,
        null,
        null,
        null,
        string.Create(CultureInfo.InvariantCulture, $"The digest covered {_digest.Events} events through position {_digest.LastPosition}; the log holds only {_covered} up to there, the last at position {_lastCoveredPosition}: the events after it were deleted."));
}
