using System.Collections.Immutable;
using System.Globalization;
using Affairs.Domain.Calendar;
using Affairs.Domain.Calendar.Events;
using Affairs.EventStore;
using Affairs.Workflows.Hosting;
using Affairs.Workflows.Publishing;

namespace Affairs.Workflows.Calendar;

/// <summary>
/// The working-day calendars as published, one stream per year (<c>calendar-{year}</c>, <c>calendar.year-published.v1</c>),
/// and the <see cref="WorkingDayCalendar"/> built from the latest version of each. Versions are written only by
/// <see cref="PublishCalendarYear"/>; the catalog reads them at start (and again whenever <see cref="LoadAsync"/> is
/// called, as <see cref="CatalogFollower"/> does when another host publishes) and takes in what this host publishes; a
/// year's later version always wins, so a reload never undoes a newer version taken in meanwhile.
/// <see cref="Current"/> is an immutable snapshot: whoever decides or answers reads it once and counts with that one.
/// </summary>
public sealed class CalendarCatalog : IFollowedCatalog
{
    /// <summary>The stream category of calendars.</summary>
    public const string Category = "calendar";

    private readonly IEventStore _store;
    private readonly TimeZoneInfo? _zone;
    private readonly Lock _writeLock = new();
    private ImmutableSortedDictionary<int, CalendarYear> _years = ImmutableSortedDictionary<int, CalendarYear>.Empty;
    private WorkingDayCalendar _current;
    private long _loadedThrough;

    /// <summary>Creates an empty catalog over <paramref name="store"/>, counting in <paramref name="zone"/> (Asia/Shanghai if null).</summary>
    public CalendarCatalog(IEventStore store, TimeZoneInfo? zone = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _zone = zone;
        _current = new WorkingDayCalendar([], zone);
    }

    /// <summary>The calendar in force now, built from the latest version of every published year.</summary>
    public WorkingDayCalendar Current => Volatile.Read(ref _current);

    /// <summary>Every published year, the latest version of each, in year order.</summary>
    public IReadOnlyList<CalendarYear> Years => [.. _years.Values];

    /// <summary>The stream that holds a year's versions.</summary>
    public static StreamName StreamFor(int year) => StreamName.For(Category, year.ToString(CultureInfo.InvariantCulture));

    /// <summary>The latest version of <paramref name="year"/>, or null when it is not published.</summary>
    public CalendarYear? Year(int year) => _years.GetValueOrDefault(year);

    /// <inheritdoc />
    string IFollowedCatalog.Category => Category;

    /// <summary>Reads every published version from the store; safe to call again to follow what other hosts publish.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var years = new SortedDictionary<int, CalendarYear>();
        long through = 0;
        await foreach (var recorded in _store.ReadAllAsync(SubscriptionFilter.ForCategory(Category), 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            through = recorded.Position;
            if (recorded.Type == StoredEvents.TypeName<CalendarYearPublished>())
            {
                var published = StoredEvents.Read<CalendarYearPublished>(recorded);
                years[published.Year] = Read(published, recorded.Revision);
            }
        }

        lock (_writeLock)
        {
            foreach (var held in _years.Values.Where(h => !years.TryGetValue(h.Year, out var read) || read.Version < h.Version))
            {
                years[held.Year] = held;
            }

            Swap(years.ToImmutableSortedDictionary());
            _loadedThrough = Math.Max(_loadedThrough, through);
        }
    }

    /// <summary>Reloads when <paramref name="recorded"/> is newer than the last load read.</summary>
    Task IFollowedCatalog.FollowAsync(RecordedEvent recorded, CancellationToken cancellationToken) =>
        recorded.Position > Volatile.Read(ref _loadedThrough) ? LoadAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Takes in a version just published at <paramref name="revision"/>; an older version than the one held changes nothing.</summary>
    internal void Published(CalendarYearPublished published, long revision)
    {
        lock (_writeLock)
        {
            if (_years.GetValueOrDefault(published.Year) is not { } held || held.Version < published.Version)
            {
                Swap(_years.SetItem(published.Year, Read(published, revision)));
            }
        }
    }

    private static CalendarYear Read(CalendarYearPublished e, long revision) =>
        new(e.Year, e.Version, revision, e.Source, e.Holidays, e.WorkingWeekends);

    private void Swap(ImmutableSortedDictionary<int, CalendarYear> years)
    {
        var calendar = new WorkingDayCalendar(years.Values.Select(y => y.ToSchedule()), _zone);
        _years = years;
        Volatile.Write(ref _current, calendar);
    }
}
