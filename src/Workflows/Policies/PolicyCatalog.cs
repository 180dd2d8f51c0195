using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Affairs.EventStore;
using Affairs.Domain.Policies;
using Affairs.Domain.Policies.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Publishing;

namespace Affairs.Workflows.Policies;

/// <summary>
/// Policy parameter sets (the dibao line, premium subsidies, …) as versioned configuration, published as events in
/// streams <c>policy-{id}</c> (<c>policy.published.v1</c>). Each version carries the date it takes effect; a guard
/// sees the version in force on the decision date. Versions are written only by <see cref="PublishPolicyParameters"/>,
/// through the same pipeline as every other command; the catalog reads them at start, takes in what this host publishes,
/// and reloads when <see cref="CatalogFollower"/> hands it a version another host published. Versions are only ever
/// added, so a reload joins what it read with what is held and never drops a version published meanwhile.
/// </summary>
public sealed class PolicyCatalog : IFollowedCatalog
{
    /// <summary>The stream category of policy parameter sets.</summary>
    public const string Category = "policy";

    private readonly IEventStore _store;
    private readonly Lock _writeLock = new();
    private ImmutableDictionary<string, PolicyTimeline> _timelines = ImmutableDictionary.Create<string, PolicyTimeline>(StringComparer.Ordinal);
    private long _loadedThrough;

    /// <summary>Creates an empty catalog over <paramref name="store"/>; call <see cref="LoadAsync"/> to read what is published.</summary>
    public PolicyCatalog(IEventStore store) => _store = store ?? throw new ArgumentNullException(nameof(store));

    /// <summary>The stream that holds a policy parameter set's versions.</summary>
    public static StreamName StreamFor(string id) => StreamName.For(Category, id);

    /// <summary>What identifies a version's content: SHA-256 over the event with its values in name order.</summary>
    public static string ContentHash(PolicyParametersPublished published)
    {
        ArgumentNullException.ThrowIfNull(published);
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(
            published with { Values = new SortedDictionary<string, JsonElement>(published.Values.ToDictionary(), StringComparer.Ordinal) },
            StoredEvents.Options)));
    }

    /// <summary>The version of set <paramref name="id"/> in force on <paramref name="date"/>, or null when none is yet.</summary>
    public PolicyParameterSet? InForce(string id, DateOnly date) => _timelines.GetValueOrDefault(id)?.InForceOn(date);

    /// <summary>Every published version of set <paramref name="id"/>.</summary>
    public PolicyTimeline Timeline(string id) => _timelines.GetValueOrDefault(id) ?? new PolicyTimeline([]);

    /// <inheritdoc />
    string IFollowedCatalog.Category => Category;

    /// <summary>Reads every published version from the store and takes them in; safe to call again at any time.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var sets = new List<PolicyParameterSet>();
        long through = 0;
        await foreach (var recorded in _store.ReadAllAsync(SubscriptionFilter.ForCategory(Category), 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            through = recorded.Position;
            if (recorded.Type == StoredEvents.TypeName<PolicyParametersPublished>())
            {
                var e = StoredEvents.Read<PolicyParametersPublished>(recorded);
                sets.Add(new PolicyParameterSet { Id = e.Id, Version = e.Version, EffectiveFrom = e.EffectiveFrom, Values = e.Values });
            }
        }

        lock (_writeLock)
        {
            var held = _timelines.Values.SelectMany(t => t.Versions).Where(h => !sets.Any(s => s.Id == h.Id && s.Version == h.Version));
            _timelines = sets.Concat(held).GroupBy(s => s.Id).ToImmutableDictionary(g => g.Key, g => new PolicyTimeline(g), StringComparer.Ordinal);
            _loadedThrough = Math.Max(_loadedThrough, through);
        }
    }

    /// <summary>Reloads when <paramref name="recorded"/> is newer than the last load read.</summary>
    Task IFollowedCatalog.FollowAsync(RecordedEvent recorded, CancellationToken cancellationToken) =>
        recorded.Position > Volatile.Read(ref _loadedThrough) ? LoadAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Takes in a version just published by <see cref="PublishPolicyParameters"/>.</summary>
    internal void Published(PolicyParameterSet set)
    {
        lock (_writeLock)
        {
            var versions = Timeline(set.Id).Versions.Where(v => v.Version != set.Version).Append(set);
            _timelines = _timelines.SetItem(set.Id, new PolicyTimeline(versions));
        }
    }
}
