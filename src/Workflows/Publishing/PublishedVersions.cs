using System.Collections.Immutable;
using System.Globalization;
using Affairs.Domain.Rejections;
using Affairs.EventStore;

namespace Affairs.Workflows.Publishing;

/// <summary>
/// The versions a stream of published rules holds (an affair type's, a policy parameter set's), folded from its events.
/// A published version is immutable: publishing the same content again changes nothing, other content under a published
/// number is refused, and numbers only go up.
/// </summary>
/// <param name="Versions">Every version published, by number.</param>
public sealed record PublishedVersions(ImmutableSortedDictionary<int, PublishedVersion> Versions)
{
    /// <summary>The stable code of a publication that would change history.</summary>
    public const string ConflictCode = "publication.version-conflict";

    /// <summary>A stream with nothing published.</summary>
    public static PublishedVersions None { get; } = new(ImmutableSortedDictionary<int, PublishedVersion>.Empty);

    /// <summary>The state after <paramref name="version"/> was published with <paramref name="contentHash"/>.</summary>
    public PublishedVersions Publish(int version, string contentHash) =>
        new(Versions.SetItem(version, new PublishedVersion(contentHash, null)));

    /// <summary>The state after <paramref name="version"/> was retired; the first reason stands.</summary>
    public PublishedVersions Retire(int version, string reason) =>
        Versions.TryGetValue(version, out var published) && published.RetiredReason is null
            ? new(Versions.SetItem(version, published with { RetiredReason = reason }))
            : this;

    /// <summary>Decides a publication: true when it is new, false when the same content is already published.</summary>
    /// <param name="stream">The stream, for the refusal's message.</param>
    /// <param name="version">The version number to publish.</param>
    /// <param name="contentHash">The hash of the content to publish.</param>
    /// <exception cref="CommandRejectedException"><see cref="ConflictCode"/>: the number is published with other content, or a higher one exists.</exception>
    public bool IsNew(StreamName stream, int version, string contentHash)
    {
        if (Versions.TryGetValue(version, out var published))
        {
            return published.ContentHash != contentHash
                ? throw Conflict(string.Create(CultureInfo.InvariantCulture, $"Version {version} of '{stream}' is already published with other content; publish a new version instead."))
                : false;
        }

        return Versions.Count > 0 && Versions.Keys.Max() > version
            ? throw Conflict(string.Create(CultureInfo.InvariantCulture, $"'{stream}' already has version {Versions.Keys.Max()}; a new version must be higher."))
            : true;
    }

    private CommandRejectedException Conflict(string message) => new(
        RejectionKind.Conflict,
        ConflictCode,
        message,
        new Dictionary<string, object?> { ["latestVersion"] = Versions.Keys.Max() });
}
