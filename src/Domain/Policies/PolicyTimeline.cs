namespace Affairs.Domain.Policies;

/// <summary>
/// The published versions of one policy parameter set, answering which version is in force on a date: the one
/// with the latest effective date on or before it, the higher version winning a tie (a correction).
/// </summary>
public sealed class PolicyTimeline
{
    private readonly List<PolicyParameterSet> _versions;

    /// <summary>Creates the timeline of <paramref name="versions"/>, all of one set.</summary>
    public PolicyTimeline(IEnumerable<PolicyParameterSet> versions)
    {
        _versions = [.. versions.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version)];
    }

    /// <summary>Every version, by effective date.</summary>
    public IReadOnlyList<PolicyParameterSet> Versions => _versions;

    /// <summary>The version in force on <paramref name="date"/>, or null before the first one.</summary>
    public PolicyParameterSet? InForceOn(DateOnly date) => _versions.LastOrDefault(v => v.EffectiveFrom <= date);
}
