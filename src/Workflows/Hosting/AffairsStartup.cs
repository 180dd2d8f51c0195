using System.Globalization;
using Affairs.Domain.Staffing;
using Affairs.Workflows.AffairTypes;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Policies;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Hosting;

/// <summary>
/// What the engine does once before it takes commands: read the published affair types, policies and calendars, and
/// publish the built-in affair types (<see cref="BuiltInAffairTypes"/>) and the shipped calendar of every year not yet
/// published (<see cref="AffairsOptions.HolidaySchedules"/>) as the system actor by the same commands an administrator
/// sends (idempotent: an unchanged built-in is a no-op; a year already published, perhaps corrected, is left alone).
/// </summary>
public sealed class AffairsStartup(AffairTypeCatalog catalog, PolicyCatalog policies, CalendarCatalog calendars, AffairsOptions options, IMediator mediator, IIdSource ids)
{
    /// <summary>Loads the catalogs, publishes the built-in types and seeds the shipped calendars.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await catalog.LoadAsync(cancellationToken).ConfigureAwait(false);
        var correlation = "startup-" + ids.NewId().ToString("N");
        foreach (var json in BuiltInAffairTypes.Documents().Values)
        {
            var context = new CommandContext(Actor.System, ids.NewId().ToString("N"), correlation);
            await mediator.Send(new PublishAffairType(json, context), cancellationToken).ConfigureAwait(false);
        }

        await policies.LoadAsync(cancellationToken).ConfigureAwait(false);
        await calendars.LoadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var schedule in options.HolidaySchedules.Where(s => calendars.Year(s.Year) is null))
        {
            // Keyed by year: hosts starting together on an empty store seed each year once.
            var key = string.Create(CultureInfo.InvariantCulture, $"seed-calendar-{schedule.Year}");
            var context = new CommandContext(Actor.System, key, correlation, key);
            var source = schedule.Source is { Length: > 0 } given ? given : $"calendars/{schedule.Year}.json shipped with the host";
            await mediator.Send(new PublishCalendarYear(schedule.Year, source, schedule.Holidays, schedule.WorkingWeekends, null, context), cancellationToken).ConfigureAwait(false);
        }
    }
}
