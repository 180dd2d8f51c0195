using System.Text.Json;
using Affairs.Domain.AffairTypes;
using Affairs.Domain.AffairTypes.Events;
using Affairs.Workflows.Publishing;

namespace Affairs.Workflows.AffairTypes;

/// <summary>Publishing and retiring versions.</summary>
public sealed partial class AffairTypeCatalog
{
    /// <summary>Validates, compiles and publishes a definition given as JSON.</summary>
    /// <param name="json">The definition document.</param>
    /// <param name="publishedBy">Who publishes it, recorded in the event's metadata.</param>
    /// <param name="cancellationToken">Stops the publication.</param>
    /// <returns>The compiled version: the one just published, or the identical one already published.</returns>
    /// <exception cref="AffairTypeInvalidException">The definition has problems; every one is listed.</exception>
    /// <exception cref="VersionConflictException">The version is published with other content, or a higher one exists.</exception>
    public Task<CompiledAffairType> PublishAsync(string json, string publishedBy, CancellationToken cancellationToken = default)
    {
        var result = AffairTypeLoader.Load(json, _posts);
        if (!result.IsValid)
        {
            throw new AffairTypeInvalidException(result.Definition?.Id ?? "?", result.Problems);
        }

        return PublishAsync(result.Definition!, publishedBy, cancellationToken);
    }

    /// <summary>Validates, compiles and publishes <paramref name="definition"/>; see <see cref="PublishAsync(string, string, CancellationToken)"/>.</summary>
    public async Task<CompiledAffairType> PublishAsync(AffairTypeDefinition definition, string publishedBy, CancellationToken cancellationToken = default)
    {
        var type = CompiledAffairType.Compile(definition, _posts);
        using var document = JsonDocument.Parse(type.CanonicalJson);
        var published = new AffairTypePublished(type.Id, type.Version, document.RootElement, type.ContentHash);
        var appended = await VersionPublisher.PublishAsync(
            _store,
            StreamFor(type.Id),
            new VersionPublisher.Published(type.Version, type.ContentHash),
            r => r.Type == StoredEvents.TypeName<AffairTypePublished>() && StoredEvents.Read<AffairTypePublished>(r) is var p
                ? new VersionPublisher.Published(p.Version, p.ContentHash)
                : null,
            StoredEvents.ToAppend(published, $"{StreamFor(type.Id)}/{type.Version}/{type.ContentHash}", publishedBy),
            cancellationToken).ConfigureAwait(false);
        if (appended || !_types.TryGetValue(type.Id, out var versions) || !versions.ContainsKey(type.Version))
        {
            Remember(new AffairTypeVersion(type, null));
        }

        return Resolve(type.Id, type.Version);
    }

    /// <summary>
    /// Retires a version: it opens no new cases, while the cases pinned to it go on under it. Retiring a retired
    /// version does nothing.
    /// </summary>
    /// <exception cref="AffairTypeNotFoundException">No such version was published.</exception>
    public async Task RetireAsync(string id, int version, string reason, string retiredBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var current = Versions(id).FirstOrDefault(v => v.Type.Version == version)
            ?? throw new AffairTypeNotFoundException($"The affair type '{id}' has no published version {version}.");
        if (current.IsRetired)
        {
            return;
        }

        var retired = new AffairTypeRetired(id, version, reason);
        await VersionPublisher.AppendAsync(_store, StreamFor(id), StoredEvents.ToAppend(retired, $"{StreamFor(id)}/{version}/retired", retiredBy), cancellationToken).ConfigureAwait(false);
        Remember(current with { RetiredReason = reason });
    }

    /// <summary>
    /// Publishes the built-in types (<see cref="BuiltInAffairTypes"/>) through the same path as any other definition.
    /// Already published identical versions are left alone, so this runs at every start.
    /// </summary>
    public async Task PublishBuiltInsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var json in BuiltInAffairTypes.Documents())
        {
            await PublishAsync(json.Value, "system", cancellationToken).ConfigureAwait(false);
        }
    }
}
