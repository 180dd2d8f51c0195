using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Domain.Policies;
using Affairs.Domain.Policies.Events;
using Affairs.Workflows.Publishing;

namespace Affairs.Workflows.Policies;

/// <summary>
/// Policy parameter sets (the dibao line, premium subsidies, …) as versioned configuration, published as events in
/// streams <c>policy-{id}</c> (<c>policy.published.v1</c>). Each version carries the date it takes effect; a guard
/// sees the version in force on the decision date. Versions are immutable like affair-type versions: the same
/// content is a no-op, other content under a published version is refused.
/// </summary>
public sealed class PolicyCatalog
{
    /// <summary>The stream category of policy parameter sets.</summary>
    public const string Category = "policy";

    private readonly IEventStore _store;
    private readonly Lock _writeLock = new();
    private ImmutableDictionary<string, PolicyTimeline> _timelines = ImmutableDictionary.Create<string, PolicyTimeline>(StringComparer.Ordinal);

    /// <summary>Creates an empty catalog over <paramref name="store"/>; call <see cref="LoadAsync"/> to read what is published.</summary>
    public PolicyCatalog(IEventStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>The version of set <paramref name="id"/> in force on <paramref name="date"/>, or null when none is yet.</summary>
    public PolicyParameterSet? InForce(string id, DateOnly date) => _timelines.GetValueOrDefault(id)?.InForceOn(date);

    /// <summary>Every published version of set <paramref name="id"/>.</summary>
    public PolicyTimeline Timeline(string id) => _timelines.GetValueOrDefault(id) ?? new PolicyTimeline([]);

    /// <summary>Reads every published version from the store.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var sets = new List<PolicyParameterSet>();
        await foreach (var recorded in _store.ReadAllAsync(SubscriptionFilter.ForCategory(Category), 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (recorded.Type == StoredEvents.TypeName<PolicyParametersPublished>())
            {
                var e = StoredEvents.Read<PolicyParametersPublished>(recorded);
                sets.Add(new PolicyParameterSet { Id = e.Id, Version = e.Version, EffectiveFrom = e.EffectiveFrom, Values = e.Values });
            }
        }

        lock (_writeLock)
        {
            _timelines = sets.GroupBy(s => s.Id).ToImmutableDictionary(g => g.Key, g => new PolicyTimeline(g), StringComparer.Ordinal);
        }
    }

    /// <summary>Publishes a version of a policy parameter set.</summary>
    /// <exception cref="VersionConflictException">The version is published with other content, or a higher one exists.</exception>
    public async Task PublishAsync(PolicyParameterSet set, string publishedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(set.Version, 1);
        var stream = StreamName.For(Category, set.Id);
        var published = new PolicyParametersPublished(set.Id, set.Version, set.EffectiveFrom, new SortedDictionary<string, JsonElement>(set.Values.ToDictionary(), StringComparer.Ordinal));
        var hash = Hash(published);
        await VersionPublisher.PublishAsync(
            _store,
            stream,
            new VersionPublisher.Published(set.Version, hash),
            r => r.Type == StoredEvents.TypeName<PolicyParametersPublished>() && StoredEvents.Read<PolicyParametersPublished>(r) is var p
                ? new VersionPublisher.Published(p.Version, Hash(p))
                : null,
            StoredEvents.ToAppend(published, $"{stream}/{set.Version}/{hash}", publishedBy),
            cancellationToken).ConfigureAwait(false);
        lock (_writeLock)
        {
            var versions = Timeline(set.Id).Versions.Where(v => v.Version != set.Version).Append(set);
            _timelines = _timelines.SetItem(set.Id, new PolicyTimeline(versions));
        }
    }

    private static string Hash(PolicyParametersPublished published) => Convert.ToHexStringLower(SHA256.HashData(
        JsonSerializer.SerializeToUtf8Bytes(
            published with { Values = new SortedDictionary<string, JsonElement>(published.Values.ToDictionary(), StringComparer.Ordinal) },
            StoredEvents.Options)));
}
