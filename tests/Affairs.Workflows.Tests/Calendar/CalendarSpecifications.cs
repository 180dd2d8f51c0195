using Affairs.Domain.Calendar;
using Affairs.Domain.Calendar.Events;
using Affairs.Workflows.Calendar;
using Microsoft.Extensions.DependencyInjection;
using static Affairs.Workflows.Tests.Calendar.CalendarSpecification;

namespace Affairs.Workflows.Tests.Calendar;

/// <summary>Publishing a year's working-day calendar, one rule per specification.</summary>
public sealed class CalendarSpecifications
{
    private const string Notice = "State Council General Office notice on the 2027 public holidays";
    private static readonly Holiday NewYear = new("New Year", Day(1, 1), Day(1, 3));
    private static readonly Holiday SpringFestival = new("Spring Festival", Day(2, 6), Day(2, 14));

    [Fact]
    public Task the_first_publication_of_a_year_is_its_version_1_in_date_order() =>
        new CalendarSpecification()
            .When(Publish(2027, Notice, [SpringFestival, NewYear], Day(2, 20), Day(1, 31)))
            .Then(new CalendarYearPublished(2027, 1, Notice, [NewYear, SpringFestival], [Day(1, 31), Day(2, 20)]));

    [Fact]
    public Task a_correction_is_the_next_version() =>
        new CalendarSpecification()
            .Given(Publish(2027, Notice, [NewYear]))
            .When(Publish(2027, Notice + " (corrected)", [NewYear, SpringFestival], Day(2, 20)))
            .Then(new CalendarYearPublished(2027, 2, Notice + " (corrected)", [NewYear, SpringFestival], [Day(2, 20)]));

    [Fact]
    public Task publishing_what_is_in_force_again_changes_nothing() =>
        new CalendarSpecification()
            .Given(Publish(2027, Notice, [NewYear], Day(2, 20)))
            .When(Publish(2027, Notice, [NewYear], Day(2, 20)))
            .Then();

    [Fact]
    public Task a_date_outside_the_year_is_refused_naming_the_field() =>
        new CalendarSpecification()
            .When(Publish(2027, Notice, [NewYear, new("New Year's Eve", new DateOnly(2026, 12, 31), Day(1, 1))], new DateOnly(2026, 12, 26)))
            .ThenRefused("validation.failed", "holidays[1].from", "workingWeekends[0]");

    [Fact]
    public Task a_day_off_in_two_holidays_is_refused() =>
        new CalendarSpecification()
            .When(Publish(2027, Notice, [NewYear, new("Winter break", Day(1, 3), Day(1, 4))]))
            .ThenRefused("validation.failed", "holidays[1]");

    [Fact]
    public Task a_working_weekend_day_listed_twice_is_refused() =>
        new CalendarSpecification()
            .When(Publish(2027, Notice, [NewYear], Day(2, 20), Day(2, 20)))
            .ThenRefused("validation.failed", "workingWeekends[1]");

    [Fact]
    public Task a_day_both_off_and_worked_is_refused() =>
        new CalendarSpecification()
            .When(Publish(2027, Notice, [NewYear], Day(1, 2)))
            .ThenRefused("validation.failed", "workingWeekends[0]");

    [Fact]
    public Task a_holiday_ending_before_it_starts_and_a_weekday_listed_as_worked_are_refused_at_once() =>
        new CalendarSpecification()
            .When(Publish(2027, " ", [new("Backwards", Day(5, 5), Day(5, 1))], Day(3, 3)))
            .ThenRefused("validation.failed", "source", "holidays[0].to", "workingWeekends[0]");

    [Fact]
    public Task a_source_longer_than_the_documented_limit_is_refused() =>
        new CalendarSpecification()
            .When(Publish(2027, new string('n', 201), [NewYear]))
            .ThenRefused("validation.failed", "source");

    [Fact]
    public Task a_publication_against_a_revision_no_longer_current_is_refused() =>
        new CalendarSpecification()
            .Given(Publish(2027, Notice, [NewYear]), Publish(2027, Notice, [NewYear, SpringFestival]))
            .When(engine => new PublishCalendarYear(2027, Notice, [SpringFestival], [], 0, engine.As(Cases.Centre.Admin)))
            .ThenRefused("concurrency.conflict");

    [Fact]
    public async Task the_shipped_year_is_published_at_first_start_and_left_alone_after_a_correction()
    {
        await using var engine = new Engine();
        await engine.StartAsync();
        var seeded = engine.Services.GetRequiredService<CalendarCatalog>().Year(2026);
        var shipped = Assert.IsType<CalendarYear>(seeded);
        await engine.Mediator.Send(new PublishCalendarYear(2026, "correction", shipped.Holidays.Skip(1).ToList(), shipped.WorkingWeekends.Skip(1).ToList(), null, engine.As(Cases.Centre.Admin)));

        await using var restarted = new Engine(sharing: engine);
        await restarted.StartAsync();

        Assert.Equal(1, shipped.Version);
        Assert.Equal((2, "correction"), (restarted.Services.GetRequiredService<CalendarCatalog>().Year(2026)?.Version, restarted.Services.GetRequiredService<CalendarCatalog>().Year(2026)?.Source));
        Assert.True(restarted.Services.GetRequiredService<CalendarCatalog>().Current.IsWorkingDay(new DateOnly(2026, 1, 1)));
    }

    private static DateOnly Day(int month, int day) => new(2027, month, day);
}
