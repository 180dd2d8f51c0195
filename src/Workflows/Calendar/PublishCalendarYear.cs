using Affairs.Domain.Calendar;
using Affairs.Domain.Calendar.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Commands;
using Affairs.Workflows.Pipeline;
using Affairs.Workflows.Streams;
using Mediator;

namespace Affairs.Workflows.Calendar;

/// <summary>
/// Publishes a year's working-day calendar to <c>calendar-{year}</c>: the first publication is version 1, and each
/// correction (a later State Council notice) the next version, which is in force from then on. The same content as the
/// version in force changes nothing. Deadlines are never stored: every answer counts with the calendar in force when it
/// is asked, so a deadline that was provisional is firm as soon as its year is published.
/// </summary>
/// <param name="Year">The year the calendar covers.</param>
/// <param name="Source">The notice it is published from.</param>
/// <param name="Holidays">Days off, each an inclusive range within the year.</param>
/// <param name="WorkingWeekends">Saturdays and Sundays of the year that are working days.</param>
/// <param name="ExpectedRevision">The revision of the year's stream the client saw (If-Match); null retries once on a conflict.</param>
/// <param name="Context">Who publishes it (an administrator, or the engine seeding the shipped calendar), and tracing.</param>
public sealed record PublishCalendarYear(
    int Year,
    string Source,
    IReadOnlyList<Holiday> Holidays,
    IReadOnlyList<DateOnly> WorkingWeekends,
    long? ExpectedRevision,
    CommandContext Context) : ICommand<CalendarVersion>, IAffairsCommand;

internal sealed class PublishCalendarYearValidator : ICommandValidator<PublishCalendarYear>
{
    public void Validate(PublishCalendarYear command, ValidationErrors errors)
    {
        // The length of the source is held to its documented limit by the pipeline (InputLimits), like every text field.
        errors.AddIf(string.IsNullOrWhiteSpace(command.Source), "source", "Give the notice the calendar is published from.")
            .AddIf(command.Holidays is null, "holidays", "Give the holidays (an empty list when there are none).")
            .AddIf(command.WorkingWeekends is null, "workingWeekends", "Give the working weekend days (an empty list when there are none).")
            .AddIf(command.ExpectedRevision is < 0, "If-Match", "A revision is 0 or more.");
        HolidayScheduleRules.Check(new HolidaySchedule(command.Year, command.Holidays ?? [], command.WorkingWeekends ?? [], command.Source ?? string.Empty), errors);
    }
}

internal sealed class PublishCalendarYearHandler(StreamRepository streams, CalendarCatalog calendars) : ICommandHandler<PublishCalendarYear, CalendarVersion>
{
    public async ValueTask<CalendarVersion> Handle(PublishCalendarYear command, CancellationToken cancellationToken)
    {
        var holidays = command.Holidays.OrderBy(h => h.From).ToList();
        var weekends = command.WorkingWeekends.Order().ToList();
        var answer = await streams.ExecuteAsync(
            CalendarCatalog.StreamFor(command.Year),
            CalendarStream.Fold,
            command.ExpectedRevision,
            command,
            loaded =>
            {
                var published = new CalendarYearPublished(command.Year, (loaded.State?.Version ?? 0) + 1, command.Source, holidays, weekends);
                var stands = loaded.State is { } latest && CalendarStream.SameContent(latest, published) ? latest : null;
                var version = stands?.Version ?? published.Version;
                return new Decision<CalendarVersion>(stands is null ? [published] : [], revision => new CalendarVersion(command.Year, version, revision, command.Source));
            },
            cancellationToken).ConfigureAwait(false);
        calendars.Published(new CalendarYearPublished(command.Year, answer.Version, command.Source, holidays, weekends), answer.Revision);
        return answer;
    }
}
