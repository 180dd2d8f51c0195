using Affairs.EventStore;
using Affairs.Stores.EventStoreDb.Protocol.Grpc;
using WrongExpectedVersion = Affairs.Stores.EventStoreDb.Protocol.Grpc.AppendResp.Types.WrongExpectedVersion;

namespace Affairs.Stores.EventStoreDb.Protocol;

/// <summary>Reads <c>AppendResp</c>: success with revision and position, or wrong expected version with the actual revision.</summary>
internal static class AppendResponses
{
    /// <summary>The outcome of an append of <paramref name="count"/> events sent expecting <paramref name="sent"/>.</summary>
    public static AppendOutcome Interpret(AppendResp response, ExpectedRevision sent, int count)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.ResultCase switch
        {
            AppendResp.ResultOneofCase.Success => Success(response.Success, count),
            AppendResp.ResultOneofCase.WrongExpectedVersion => Conflict(response.WrongExpectedVersion, sent),
            _ => throw new InvalidDataException("The server answered an append with neither success nor wrong expected version."),
        };
    }

    /// <summary>The stream's revision when the append was refused; servers before 20.6.1 only fill the <c>_20_6_0</c> fields.</summary>
    public static long ActualRevision(WrongExpectedVersion conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return conflict.CurrentRevisionOptionCase switch
        {
            WrongExpectedVersion.CurrentRevisionOptionOneofCase.CurrentRevision => ToRevision(conflict.CurrentRevision),
            WrongExpectedVersion.CurrentRevisionOptionOneofCase.CurrentNoStream => StreamRevision.None,
            _ => conflict.CurrentRevisionOption2060Case switch
            {
                WrongExpectedVersion.CurrentRevisionOption2060OneofCase.CurrentRevision2060 => ToRevision(conflict.CurrentRevision2060),
                WrongExpectedVersion.CurrentRevisionOption2060OneofCase.NoStream2060 => StreamRevision.None,
                _ => throw new InvalidDataException("The server refused an append without saying the stream's revision."),
            },
        };
    }

    /// <summary>The expectation the server checked, as it echoes it back; null where it does not say.</summary>
    public static ExpectedRevision? ExpectedRevision(WrongExpectedVersion conflict)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        return conflict.ExpectedRevisionOptionCase switch
        {
            WrongExpectedVersion.ExpectedRevisionOptionOneofCase.ExpectedRevision => Affairs.EventStore.ExpectedRevision.Exact(ToRevision(conflict.ExpectedRevision)),
            WrongExpectedVersion.ExpectedRevisionOptionOneofCase.ExpectedAny => Affairs.EventStore.ExpectedRevision.Any,
            WrongExpectedVersion.ExpectedRevisionOptionOneofCase.ExpectedStreamExists => Affairs.EventStore.ExpectedRevision.StreamExists,
            WrongExpectedVersion.ExpectedRevisionOptionOneofCase.ExpectedNoStream => Affairs.EventStore.ExpectedRevision.NoStream,
            _ => null,
        };
    }

    /// <summary>A stream revision from the wire, where revisions are unsigned.</summary>
    public static long ToRevision(ulong revision) =>
        revision < long.MaxValue ? (long)revision : throw new InvalidDataException("The server sent a revision out of range.");

    private static AppendOutcome Conflict(WrongExpectedVersion conflict, ExpectedRevision sent)
    {
        if (ExpectedRevision(conflict) is { } echoed && echoed != sent)
        {
            throw new InvalidDataException($"The server checked the expectation {echoed}, not the {sent} sent: the protocol definitions disagree.");
        }

        return new AppendOutcome(false, ActualRevision(conflict), null);
    }

    /// <remarks>
    /// The server reports a write's position as (commit = the last event's record, prepare = the first event's record).
    /// For one event both are that event. For several, equal values do not say which event they are — a retry the
    /// server recognised may answer that way — so the position is left to be read rather than guessed.
    /// </remarks>
    private static AppendOutcome Success(AppendResp.Types.Success success, int count)
    {
        var revision = success.CurrentRevisionOptionCase == AppendResp.Types.Success.CurrentRevisionOptionOneofCase.CurrentRevision
            ? ToRevision(success.CurrentRevision)
            : StreamRevision.None;
        long? position = success.PositionOptionCase == AppendResp.Types.Success.PositionOptionOneofCase.Position
            && (count == 1 || success.Position.CommitPosition != success.Position.PreparePosition)
                ? Positions.FromLog(success.Position.CommitPosition, success.Position.PreparePosition)
                : null;
        return new AppendOutcome(true, revision, position);
    }
}
