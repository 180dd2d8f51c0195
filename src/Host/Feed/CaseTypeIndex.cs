using System.Collections.Concurrent;
using Affairs.Domain.Cases.Events;
using Affairs.EventStore;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;

namespace Affairs.Host.Feed;

/// <summary>Which affair type (and version) each case runs, read once from its opening event and kept.</summary>
internal sealed class CaseTypeIndex(IEventStore store, EventCodec codec)
{
    private readonly ConcurrentDictionary<string, (string TypeId, int Version)> _types = new(StringComparer.Ordinal);

    public void Remember(CaseOpened opened) => _types[opened.CaseId] = (opened.AffairTypeId, opened.DefinitionVersion);

    public async ValueTask<(string TypeId, int Version)?> FindAsync(string caseId, CancellationToken ct)
    {
        if (_types.TryGetValue(caseId, out var known))
        {
            return known;
        }

        await foreach (var recorded in store.ReadStreamAsync(CaseStreams.For(caseId), ReadDirection.Forwards, 0, 1, ct))
        {
            if (codec.Decode(recorded).Event is CaseOpened opened)
            {
                Remember(opened);
                return (opened.AffairTypeId, opened.DefinitionVersion);
            }
        }

        return null;
    }
}
