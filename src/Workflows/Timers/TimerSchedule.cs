using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Deadlines;
using Affairs.Workflows.Projections;

namespace Affairs.Workflows.Timers;

/// <summary>
/// Works out which timers are due from the case board, the organisation and the moment: nothing is stored about timers,
/// so a timer whose effect has been projected (the case left the state, the takeover is recorded, the next case is open)
/// is simply no longer due. Each timer's key names the case, the stay in the step and what it fires.
/// </summary>
public sealed class TimerSchedule(DeadlineCalculator deadlines, CaseParticipants participants)
{
    /// <summary>The affair type opened every year per retiree.</summary>
    public const string CertificationType = "retiree-certification";

    /// <summary>The trigger a definition offers for a subject's death.</summary>
    public const string DeathTrigger = "report-death";

    /// <summary>The timers due at <paramref name="now"/>, oldest first.</summary>
    public IReadOnlyList<DueTimer> Due(CaseBoard board, Organisation organisation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(board);
        var due = new List<DueTimer>();
        foreach (var entry in board.Open)
        {
            due.AddRange(StateTimers(entry, now));
            if (Takeover(entry, organisation, now) is { } takeover)
            {
                due.Add(takeover);
            }

            if (Death(board, entry) is { } death)
            {
                due.Add(death);
            }
        }

        due.AddRange(YearlyCertifications(board, now));
        return [.. due.OrderBy(t => t.DueAt).ThenBy(t => t.Key, StringComparer.Ordinal)];
    }

    /// <summary>The id of the certification case that follows <paramref name="previousCaseId"/>: derived, so every host opens the same one.</summary>
    public static string NextCertificationId(string previousCaseId) =>
        "c" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("next-certification:" + previousCaseId)))[..32];

    private IEnumerable<DueTimer> StateTimers(CaseEntry entry, DateTimeOffset now)
    {
        var state = entry.State;
        var type = deadlines.TryResolve(state.AffairTypeId, state.DefinitionVersion);
        var compiled = type?.States.FirstOrDefault(s => s.Name == state.State);
        if (compiled is null)
        {
            yield break;
        }

        foreach (var timer in compiled.Timers.Where(t => t.After is not null))
        {
            var at = deadlines.Due(state.Step.StartedAt, timer.After!);
            if (at <= now)
            {
                yield return new DueTimer(Key("state", state.CaseId, entry.StepRevision, timer.Fire), TimerKind.State, state.CaseId, at, timer.Fire, "Time limit of the step ran out.");
            }
        }
    }

    private DueTimer? Takeover(CaseEntry entry, Organisation organisation, DateTimeOffset now)
    {
        var responsibility = participants.Responsible(entry.State, organisation, now);
        if (responsibility is not { Reason: TakeoverReason.AAbsent or TakeoverReason.ALate or TakeoverReason.BothAbsent } taken
            || entry.StepEscalations.Any(e => e.Reason == taken.Reason && e.ToStaffId == taken.StaffId))
        {
            return null;
        }

        var key = Key("takeover", entry.State.CaseId, entry.StepRevision, $"{taken.Reason}:{taken.StaffId}");
        return new DueTimer(key, TimerKind.Takeover, entry.State.CaseId, now);
    }

    private DueTimer? Death(CaseBoard board, CaseEntry entry)
    {
        var state = entry.State;
        if (!board.Deaths.TryGetValue(state.SubjectId, out var died)
            || deadlines.TryResolve(state.AffairTypeId, state.DefinitionVersion) is not { } type
            || !type.Transitions.Any(t => t.From == state.State && t.Trigger == DeathTrigger))
        {
            return null;
        }

        var data = new Dictionary<string, JsonElement> { ["deathDate"] = JsonSerializer.SerializeToElement(died) };
        return new DueTimer(Key("death", state.CaseId, entry.StepRevision, DeathTrigger), TimerKind.DeathReported, state.CaseId, deadlines.Calendar.EndOf(died.AddDays(-1)), DeathTrigger, "Death reported.", data);
    }

    private IEnumerable<DueTimer> YearlyCertifications(CaseBoard board, DateTimeOffset now)
    {
        var latest = board.Cases
            .Where(c => c.State.AffairTypeId == CertificationType)
            .GroupBy(c => c.State.SubjectId, StringComparer.Ordinal)
            .Select(g => g.MaxBy(c => c.State.OpenedAt)!);
        foreach (var last in latest)
        {
            var state = last.State;
            if (state.Outcome != "approved")
            {
                continue;
            }

            var certified = state.Data.TryGetValue("certifiedOn", out var on) && DateOnly.TryParse(on.GetString(), CultureInfo.InvariantCulture, out var day)
                ? day
                : deadlines.Calendar.LocalDate(state.ClosedAt!.Value);
            var at = deadlines.Calendar.EndOf(certified.AddMonths(12).AddDays(-1));
            if (board.Deaths.TryGetValue(state.SubjectId, out var died))
            {
                // A retiree who dies between certifications has no case to end the pension on: the next one is opened
                // at once, and the death's own timer then terminates it with the date of death, as for an open case.
                if (died < certified)
                {
                    continue;
                }

                at = deadlines.Calendar.EndOf(died.AddDays(-1));
            }

            if (at <= now)
            {
                var data = new Dictionary<string, JsonElement> { ["lastCertifiedOn"] = JsonSerializer.SerializeToElement(certified) };
                yield return new DueTimer(Key("certification", state.CaseId, last.Revision, "open-next"), TimerKind.YearlyCertification, NextCertificationId(state.CaseId), at, Data: data, SubjectId: state.SubjectId, AffairTypeId: state.AffairTypeId);
            }
        }
    }

    private static string Key(string kind, string caseId, long stepRevision, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"timer:{kind}:{caseId}:{stepRevision}:{what}");
}
