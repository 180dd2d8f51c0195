using System.Collections.Immutable;
using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Events;
using Affairs.EventStore;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Publishing;

namespace Affairs.Workflows.AffairTypes;

/// <summary>
/// The published affair types, kept as events in streams <c>affairtype-{id}</c> (<c>affairtype.published.v1</c>,
/// <c>affairtype.retired.v1</c>) and held compiled in memory. A published version never changes; a case is pinned to
/// the version it was opened under and always resolves it with <see cref="Resolve"/>, so a later version never
/// changes a running case or its replay. Reads are lock-free and thread-safe.
/// </summary>
/// <remarks>
/// Start-up: <see cref="LoadAsync"/>, then the built-in types are published (see
/// <see cref="Hosting.AffairsStartup"/>). Versions are written only by the commands <see cref="PublishAffairType"/> and
/// <see cref="RetireAffairTypeVersion"/>, through the same pipeline as every other command, so each carries its actor,
/// correlation and place in the stream's hash chain; the catalog takes in what they wrote, and what other hosts write
/// when <see cref="CatalogFollower"/> hands it their events. Versions are only ever added and retired, so every update
/// joins what it read with what is held: a reload that read before this host's own publication never drops it.
/// </remarks>
public sealed partial class AffairTypeCatalog : IFollowedCatalog
{
    /// <summary>The stream category of affair-type definitions.</summary>
    public const string Category = "affairtype";

    private readonly IEventStore _store;
    private readonly IReadOnlySet<string> _posts;
    private readonly Lock _writeLock = new();
    private ImmutableDictionary<string, ImmutableSortedDictionary<int, AffairTypeVersion>> _types =
        ImmutableDictionary.Create<string, ImmutableSortedDictionary<int, AffairTypeVersion>>(StringComparer.Ordinal);
    private long _loadedThrough;

    /// <summary>Creates an empty catalog over <paramref name="store"/>; call <see cref="LoadAsync"/> to read what is published.</summary>
    /// <param name="store">The event store.</param>
    /// <param name="posts">The post ids new definitions may name as handlers; the centre's standing posts when omitted.</param>
    public AffairTypeCatalog(IEventStore store, IReadOnlySet<string>? posts = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _posts = posts ?? KnownPosts.Standing;
    }

    /// <summary>The stream that holds an affair type's versions.</summary>
    public static StreamName StreamFor(string id) => StreamName.For(Category, id);

    /// <summary>The ids of every affair type with a published version.</summary>
    public IReadOnlyCollection<string> Ids => [.. _types.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// The compiled type of (id, version): what a case opened under that version runs and replays with, whether or
    /// not the version has since been retired.
    /// </summary>
    /// <exception cref="AffairTypeNotFoundException">No such version was published.</exception>
    public CompiledAffairType Resolve(string id, int version) =>
        _types.TryGetValue(id, out var versions) && versions.TryGetValue(version, out var found)
            ? found.Type
            : throw new AffairTypeNotFoundException($"The affair type '{id}' has no published version {version}.");

    /// <summary>The version a new case of <paramref name="id"/> opens under: the highest one not retired.</summary>
    /// <exception cref="AffairTypeNotFoundException">None is published, or every version is retired.</exception>
    public CompiledAffairType ForNewCase(string id) =>
        Versions(id).LastOrDefault(v => !v.IsRetired)?.Type
            ?? throw new AffairTypeNotFoundException($"The affair type '{id}' has no version that may open new cases.");

    /// <summary>Every published version of <paramref name="id"/>, lowest first; empty for an unknown id.</summary>
    public IReadOnlyList<AffairTypeVersion> Versions(string id) =>
        _types.TryGetValue(id, out var versions) ? [.. versions.Values] : [];

    /// <inheritdoc />
    string IFollowedCatalog.Category => Category;

    /// <summary>Reads every published and retired version from the store and takes them in; safe to call again at any time.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var loaded = new Dictionary<string, SortedDictionary<int, AffairTypeVersion>>(StringComparer.Ordinal);
        long through = 0;
        await foreach (var recorded in _store.ReadAllAsync(SubscriptionFilter.ForCategory(Category), 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            through = recorded.Position;
            if (recorded.Type == StoredEvents.TypeName<AffairTypePublished>())
            {
                var type = FromStore(StoredEvents.Read<AffairTypePublished>(recorded));
                (loaded.TryGetValue(type.Id, out var versions) ? versions : loaded[type.Id] = [])[type.Version] = new AffairTypeVersion(type, null);
            }
            else if (recorded.Type == StoredEvents.TypeName<AffairTypeRetired>())
            {
                var retired = StoredEvents.Read<AffairTypeRetired>(recorded);
                var versions = loaded[retired.Id];
                versions[retired.Version] = versions[retired.Version] with { RetiredReason = retired.Reason };
            }
        }

        lock (_writeLock)
        {
            foreach (var held in _types.Values.SelectMany(versions => versions.Values))
            {
                var versions = loaded.TryGetValue(held.Type.Id, out var read) ? read : loaded[held.Type.Id] = [];
                if (!versions.TryGetValue(held.Type.Version, out var stored) || (stored.RetiredReason is null && held.RetiredReason is not null))
                {
                    versions[held.Type.Version] = held;
                }
            }

            _types = loaded.ToImmutableDictionary(
                p => p.Key,
                p => p.Value.ToImmutableSortedDictionary(),
                StringComparer.Ordinal);
            _loadedThrough = Math.Max(_loadedThrough, through);
        }
    }

    /// <summary>Reloads when <paramref name="recorded"/> is newer than the last load read.</summary>
    Task IFollowedCatalog.FollowAsync(RecordedEvent recorded, CancellationToken cancellationToken) =>
        recorded.Position > Volatile.Read(ref _loadedThrough) ? LoadAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Compiles a stored version. Its posts were checked when it was published; an organisation that has since
    /// dropped a post must still be able to replay the cases that ran under it, so they are not checked again.
    /// </summary>
    private static CompiledAffairType FromStore(AffairTypePublished published)
    {
        var definition = published.Definition.Deserialize<AffairTypeDefinition>(AffairTypeJson.Options)
            ?? throw new InvalidDataException($"The stored definition of '{published.Id}' v{published.Version} is empty.");
        return CompiledAffairType.Compile(definition, definition.States.Select(s => s.Handler ?? "").ToHashSet(StringComparer.Ordinal));
    }

    private void Remember(AffairTypeVersion version)
    {
        lock (_writeLock)
        {
            var versions = _types.TryGetValue(version.Type.Id, out var existing)
                ? existing
                : ImmutableSortedDictionary<int, AffairTypeVersion>.Empty;
            _types = _types.SetItem(version.Type.Id, versions.SetItem(version.Type.Version, version));
        }
    }
}
