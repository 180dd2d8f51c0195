using Affairs.EventStore;

namespace Affairs.Workflows.Publishing;

/// <summary>
/// Appends a new immutable version to a stream of published versions: identical content is a no-op, different
/// content under a published version number is refused, and versions only go up. The stream's revision is the
/// expected revision, so two publishers racing cannot both win; the loser re-reads and decides again once.
/// </summary>
internal static class VersionPublisher
{
    /// <summary>What the stream already holds for a version.</summary>
    public readonly record struct Published(int Version, string ContentHash);

    /// <returns>True when the version was appended, false when identical content was already published.</returns>
    /// <exception cref="VersionConflictException">The version exists with other content, or a later version exists.</exception>
    public static async Task<bool> PublishAsync(
        IEventStore store,
        StreamName stream,
        Published version,
        Func<RecordedEvent, Published?> readPublished,
        EventToAppend published,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (revision, versions) = await ReadAsync(store, stream, readPublished, cancellationToken).ConfigureAwait(false);
            if (versions.FirstOrDefault(v => v.Version == version.Version) is { ContentHash: { } hash })
            {
                return hash == version.ContentHash
                    ? false
                    : throw new VersionConflictException($"Version {version.Version} of '{stream}' is already published with other content; publish a new version instead.");
            }

            if (versions.Count > 0 && versions.Max(v => v.Version) > version.Version)
            {
                throw new VersionConflictException($"'{stream}' already has version {versions.Max(v => v.Version)}; a new version must be higher.");
            }

            var expected = revision == StreamRevision.None ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision);
            try
            {
                await store.AppendAsync(stream, expected, [published], cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (WrongExpectedRevisionException) when (attempt == 0)
            {
                // Someone else published meanwhile: decide again on what is there now.
            }
        }
    }

    /// <summary>Appends <paramref name="event"/> at the stream's current end, checked by revision; on a race it re-reads once.</summary>
    public static async Task AppendAsync(IEventStore store, StreamName stream, EventToAppend @event, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (revision, _) = await ReadAsync(store, stream, _ => null, cancellationToken).ConfigureAwait(false);
            var expected = revision == StreamRevision.None ? ExpectedRevision.NoStream : ExpectedRevision.Exact(revision);
            try
            {
                await store.AppendAsync(stream, expected, [@event], cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (WrongExpectedRevisionException) when (attempt == 0)
            {
                // Another writer appended meanwhile; the event's id is fixed, so appending after it is still one event.
            }
        }
    }

    private static async Task<(long Revision, List<Published> Versions)> ReadAsync(
        IEventStore store, StreamName stream, Func<RecordedEvent, Published?> readPublished, CancellationToken cancellationToken)
    {
        var revision = StreamRevision.None;
        var versions = new List<Published>();
        await foreach (var recorded in store.ReadStreamAsync(stream, ReadDirection.Forwards, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            revision = recorded.Revision;
            if (readPublished(recorded) is { } published)
            {
                versions.Add(published);
            }
        }

        return (revision, versions);
    }
}
