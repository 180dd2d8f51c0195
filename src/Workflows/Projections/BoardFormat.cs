using System.Collections.Immutable;
using System.Text.Json;
using Affairs.Domain.Cases;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Households;
using Affairs.EventStore;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Projections;

/// <summary>
/// How the <see cref="CaseBoard"/> is stored between runs: one row per case, household and death, each JSON. The
/// indexes (by subject, by member, in log order) are not stored: they are rebuilt from the rows on load.
/// <see cref="Version"/> names the format and what the projection makes of the log: change it whenever the board's
/// fold changes (a new field, a different figure), and a stored board of another version is rebuilt from the log
/// instead of loaded.
/// </summary>
internal static class BoardFormat
{
    /// <summary>The model's name in the read-model store.</summary>
    public const string Model = "case-board";

    /// <summary>The format and projection version.</summary>
    public const int Version = 2;

    private const string CaseKind = "case";
    private const string HouseholdKind = "household";
    private const string DeathKind = "death";
    private const string ResidentKind = "resident";

    /// <summary>The rows of what changed on <paramref name="board"/> since its last write.</summary>
    public static List<ReadModelRow> Rows(CaseBoard board, BoardChanges changed)
    {
        var rows = new List<ReadModelRow>(changed.Cases.Count + changed.Deaths.Count + changed.Households.Count + changed.Residents.Count);
        foreach (var id in changed.Cases)
        {
            var entry = board.Find(id)!;
            rows.Add(new(CaseKind, id, JsonSerializer.Serialize(
                new StoredCase(entry.State, entry.Revision, entry.OpenedPosition, entry.StepRevision, entry.Escalations, entry.Acts, entry.Steps, entry.StepsByB, entry.StepsOverdue, entry.WorkingDaysToClose, entry.ClosedLate),
                EventCodec.JsonOptions)));
        }

        foreach (var id in changed.Deaths)
        {
            rows.Add(new(DeathKind, id, JsonSerializer.Serialize(board.Deaths[id], EventCodec.JsonOptions)));
        }

        foreach (var id in changed.Households)
        {
            var entry = board.Households.Find(id)!;
            rows.Add(new(HouseholdKind, id, JsonSerializer.Serialize(new StoredHousehold(entry.Household, entry.Revision, entry.RegisteredPosition), EventCodec.JsonOptions)));
        }

        foreach (var id in changed.Residents)
        {
            rows.Add(new(ResidentKind, id, JsonSerializer.Serialize(board.Residents.Find(id)!, EventCodec.JsonOptions)));
        }

        return rows;
    }

    /// <summary>A builder holding the stored board, with no changes pending.</summary>
    public static CaseBoard.Builder Load(ReadModelState state, DeadlineCalculator deadlines)
    {
        var builder = CaseBoard.Empty.ToBuilder(deadlines);
        var cases = new List<CaseEntry>();
        var households = new List<HouseholdEntry>();
        var residents = new List<ResidentEntry>();
        foreach (var row in state.Rows)
        {
            switch (row.Kind)
            {
                case CaseKind:
                    var c = Read<StoredCase>(row);
                    cases.Add(new CaseEntry(c.State)
                    {
                        Revision = c.Revision,
                        OpenedPosition = c.OpenedPosition,
                        StepRevision = c.StepRevision,
                        Escalations = c.Escalations,
                        Acts = c.Acts,
                        Steps = c.Steps,
                        StepsByB = c.StepsByB,
                        StepsOverdue = c.StepsOverdue,
                        WorkingDaysToClose = c.WorkingDaysToClose,
                        ClosedLate = c.ClosedLate,
                    });
                    break;
                case HouseholdKind:
                    var h = Read<StoredHousehold>(row);
                    households.Add(new HouseholdEntry(h.Household) { Revision = h.Revision, RegisteredPosition = h.RegisteredPosition });
                    break;
                case ResidentKind:
                    residents.Add(Read<ResidentEntry>(row));
                    break;
                case DeathKind:
                    builder.RestoreDeath(row.Key, Read<DateOnly>(row));
                    break;
                default:
                    throw new InvalidOperationException($"The stored case board has a row of unknown kind '{row.Kind}'.");
            }
        }

        foreach (var entry in cases.OrderBy(c => c.OpenedPosition))
        {
            builder.Restore(entry);
        }

        foreach (var entry in households.OrderBy(h => h.RegisteredPosition))
        {
            builder.Households.Restore(entry);
        }

        foreach (var entry in residents.OrderBy(r => r.RegisteredPosition))
        {
            builder.Residents.Restore(entry);
        }

        builder.TakeChanges();
        return builder;
    }

    private static T Read<T>(ReadModelRow row) =>
        JsonSerializer.Deserialize<T>(row.Body, EventCodec.JsonOptions) ?? throw new InvalidOperationException($"The stored case board has an empty {row.Kind} row.");

    private sealed record StoredCase(
        CaseState State,
        long Revision,
        long OpenedPosition,
        long StepRevision,
        ImmutableList<CaseEscalated> Escalations,
        ImmutableList<StepAct> Acts,
        int Steps,
        int StepsByB,
        int StepsOverdue,
        int? WorkingDaysToClose,
        bool ClosedLate);

    private sealed record StoredHousehold(Household Household, long Revision, long RegisteredPosition);
}
