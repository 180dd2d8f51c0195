using System.Globalization;
using System.Text.Json;
using Affairs.Domain.Calendar;
using Affairs.Domain.Cases.Events;
using Affairs.Domain.Events;
using Affairs.Domain.Staffing;
using Affairs.EventStore;
using Affairs.Workflows.Cases;
using Affairs.Workflows.Events;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Affairs.Benchmarks;

/// <summary>
/// Dibao case histories written straight through the store's append API with the engine's codec, one append per case
/// and many appends in flight so the SQLite store commits them in groups: a log of a million events is written in
/// seconds rather than the hours the commands would take. A closed case has eight events (opened, accepted with the
/// clock started, two records, to first review, rejected, clock stopped); an open one stops after the investigation,
/// its statutory clock still running (six events).
/// </summary>
internal static class CaseHistories
{
    /// <summary>Events of a closed case.</summary>
    public const int ClosedEvents = 8;

    /// <summary>Events of an open case.</summary>
    public const int OpenEvents = 6;

    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly IReadOnlyDictionary<string, JsonElement> Data = new Dictionary<string, JsonElement>
    {
        ["householdSize"] = JsonSerializer.SerializeToElement(3),
        ["monthlyIncomePerPerson"] = JsonSerializer.SerializeToElement(520m),
    };

    /// <summary>
    /// The engine's services on <paramref name="store"/>, as the host registers them; with <paramref name="readModels"/>
    /// the case board is kept there between runs, without it in memory only.
    /// </summary>
    public static ServiceProvider Services(IEventStore store, IReadModelStore? readModels = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store);
        if (readModels is not null)
        {
            services.AddSingleton(readModels);
        }

        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddAffairs(o =>
        {
            o.ResidentPseudonymKey = "benchmark-key-0123456789";
            foreach (var schedule in HolidayScheduleFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "calendars")))
            {
                o.HolidaySchedules.Add(schedule);
            }
        });
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Writes <paramref name="cases"/> cases named <paramref name="prefix"/>0, 1, …; those <paramref name="open"/> picks
    /// stay open. <paramref name="inFlight"/> appends run at once (1 keeps the log in case order). Returns the events
    /// written and the log position of the last.
    /// </summary>
    public static async Task<(long Events, long Head)> WriteAsync(
        IEventStore store, EventCodec codec, string prefix, int cases, Func<int, bool> open, int inFlight = 64)
    {
        long events = 0;
        long head = 0;
        var next = -1;
        var writers = Enumerable.Range(0, inFlight).Select(async _ =>
        {
            for (var c = Interlocked.Increment(ref next); c < cases; c = Interlocked.Increment(ref next))
            {
                var id = prefix + c.ToString(CultureInfo.InvariantCulture);
                var history = History(id, c, open(c));
                var hash = string.Empty;
                var batch = new List<EventToAppend>(history.Count);
                foreach (var @event in history)
                {
                    (var encoded, hash) = codec.Encode(Guid.NewGuid(), @event, new EventMetadata("bench", "bench", "s-a", null), hash);
                    batch.Add(encoded);
                }

                var result = await store.AppendAsync(CaseStreams.For(id), ExpectedRevision.NoStream, batch);
                Interlocked.Add(ref events, batch.Count);
                InterlockedMax(ref head, result.LogPosition);
            }
        });
        await Task.WhenAll(writers);
        return (events, head);
    }

    private static List<object> History(string id, int c, bool open)
    {
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, Beijing).AddMinutes(c * 17 % 400_000);
        var history = new List<object>
        {
            new CaseOpened(id, "dibao", 1, "household", "h" + id, "counter", "application", "post:dibao", Data, "s-a", ActingRole.A, at),
            Step(id, "accept", "application", "investigation", false, at.AddHours(2), c),
            new CaseClockStarted(id, "statutory", 30, true, at.AddHours(2)),
            Step(id, "record-data-check", "investigation", "investigation", true, at.AddHours(20), c),
            new CaseMaterialAttached(id, "home-visit-record", "visit.pdf", "application/pdf", 1024, new string('a', 64), "s-a", ActingRole.A, at.AddHours(30)),
            Step(id, "complete-investigation", "investigation", "first-review", false, at.AddHours(50), c),
        };
        if (!open)
        {
            history.Add(Step(id, "reject", "first-review", "rejected", false, at.AddHours(70), c));
            history.Add(new CaseClockStopped(id, "statutory", at.AddHours(70)));
        }

        return history;
    }

    private static CaseTransitioned Step(string id, string trigger, string from, string to, bool isInternal, DateTimeOffset at, int c)
    {
        var role = c % 5 == 0 ? ActingRole.B : ActingRole.A;
        var terminal = to == "rejected";
        return new CaseTransitioned(
            id, trigger, from, to, isInternal, role == ActingRole.B ? "s-b" : "s-a", role, "post:dibao", role == ActingRole.B ? TakeoverReason.AAbsent : null,
            terminal ? "income above the line" : null, Data, terminal ? null : "post:dibao", terminal ? "rejected" : null, at, 1);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
