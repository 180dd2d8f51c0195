using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Events;
using Affairs.EventStore;
using Affairs.Domain.Staffing;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;

namespace Affairs.Workflows.Tests.Statistics;

/// <summary>
/// Writes a year of case histories straight into the store with the real codec, and keeps its own tally of what it
/// wrote (outcomes, and for completed cases: working days, steps, steps by B, steps left past their limit) for the report to be checked against.
/// </summary>
public sealed class YearOfCases(IEventStore store, EventCodec codec, WorkingDayCalendar calendar, int seed)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly IReadOnlyDictionary<string, JsonElement> NoData = new Dictionary<string, JsonElement>();
    private readonly Random _random = new(seed);
    private long _ids;

    public sealed class Tally
    {
        public int Opened { get; set; }

        public Dictionary<string, int> Outcomes { get; } = [];

        public List<int> WorkingDays { get; } = [];

        public int Steps { get; set; }

        public int StepsByB { get; set; }

        public int OverdueSteps { get; set; }
    }

    public Dictionary<string, Tally> Tallies { get; } = [];

    /// <summary>A case of <paramref name="type"/> through <paramref name="path"/> (state, handler) to <paramref name="terminal"/>; null leaves it open.</summary>
    /// <param name="slowState">A state the case lingers in for 40 days, past its time limit.</param>
    public async Task CaseAsync(string type, (string State, string Handler)[] path, (string State, string Outcome)? terminal, string? clockStartsOn = null, string? slowState = null)
    {
        var caseId = "g" + (++_ids).ToString(CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(2026, 1, 2, 9, 0, 0, Beijing).AddDays(_random.Next(0, 312)).AddMinutes(_random.Next(0, 480));
        var opened = at;
        var tally = TallyOf(type);
        tally.Opened++;
        int steps = 0, byB = 0, overdue = 0;
        var events = new List<object> { new CaseOpened(caseId, type, VersionOf(type), "person", "r" + caseId, "counter", path[0].State, path[0].Handler, NoData, "s-a", ActingRole.A, at) };
        for (var i = 0; i < path.Length; i++)
        {
            var (state, handler) = path[i];
            var last = i == path.Length - 1;
            if (last && terminal is null)
            {
                break;
            }

            at = at.AddHours(path[i].State == slowState ? 40 * 24 : _random.Next(2, 40));
            var role = handler == "supervisor" ? ActingRole.Supervisor : _random.Next(5) == 0 ? ActingRole.B : ActingRole.A;
            var to = last ? terminal!.Value.State : path[i + 1].State;
            events.Add(new CaseTransitioned(
                caseId, "go", state, to, false, role == ActingRole.B ? "s-b" : "s-a", role, handler, role == ActingRole.B ? TakeoverReason.AAbsent : null, null, NoData,
                last ? null : path[i + 1].Handler, last ? terminal!.Value.Outcome : null, at, VersionOf(type)));
            steps++;
            byB += role == ActingRole.B ? 1 : 0;
            overdue += state == slowState ? 1 : 0;
            if (to == clockStartsOn)
            {
                events.Add(new CaseClockStarted(caseId, "statutory", 30, true, at));
            }
        }

        if (terminal is { } end)
        {
            tally.Outcomes[end.Outcome] = tally.Outcomes.GetValueOrDefault(end.Outcome) + 1;
            tally.WorkingDays.Add(calendar.WorkingDaysBetween(opened, at));
            tally.Steps += steps;
            tally.StepsByB += byB;
            tally.OverdueSteps += overdue;
        }

        await AppendAsync(CaseStreams.For(caseId), events);
    }

    /// <summary>The version of the built-in type a fresh engine publishes.</summary>
    private static int VersionOf(string type) => AffairTypes.Definitions.Compile(type).Version;

    private Tally TallyOf(string type)
    {
        if (!Tallies.TryGetValue(type, out var tally))
        {
            Tallies[type] = tally = new Tally();
        }

        return tally;
    }

    private async Task AppendAsync(StreamName stream, List<object> events)
    {
        var hash = string.Empty;
        var encoded = new List<EventToAppend>();
        foreach (var @event in events)
        {
            var id = new Guid((int)(++_ids >> 32), (short)0, (short)1, BitConverter.GetBytes(_ids));
            (var next, hash) = codec.Encode(id, @event, new EventMetadata("history", "history", "s-a", null), hash);
            encoded.Add(next);
        }

        await store.AppendAsync(stream, ExpectedRevision.NoStream, encoded);
    }
}
