using Affairs.Domain.Calendar;

namespace Affairs.Domain.Tests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(HolidayScheduleFile.LoadFolder(Path.Combine(AppContext.BaseDirectory, "calendars")));

    [Theory]
    [InlineData("2026-01-01", false)] // New Year
    [InlineData("2026-01-04", true)] // Sunday worked for New Year
    [InlineData("2026-02-14", true)] // Saturday worked for Spring Festival
    [InlineData("2026-02-16", false)] // Monday inside Spring Festival
    [InlineData("2026-02-28", true)]
    [InlineData("2026-03-07", false)] // ordinary Saturday
    [InlineData("2026-03-09", true)] // ordinary Monday
    [InlineData("2026-05-05", false)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-10", true)]
    public void the_2026_schedule_decides_working_days(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void the_trigger_day_does_not_count_and_the_period_ends_at_the_end_of_the_nth_working_day()
    {
        // Accepted Monday 9 March 2026 at 10:00 Beijing time: 3 working days are Tue, Wed, Thu.
        var accepted = new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.FromHours(8));

        var deadline = Calendar.Deadline(accepted, TimeLimit.WorkingDays(3));

        Assert.Equal(new DateTimeOffset(2026, 3, 13, 0, 0, 0, TimeSpan.FromHours(8)), deadline);
    }

    [Fact]
    public void thirty_working_days_skip_the_spring_festival_and_count_the_worked_saturdays()
    {
        // Accepted Friday 6 Feb 2026. Working days after it: 9-13 Feb (5), Sat 14 Feb (6), 24-27 Feb (10),
        // Sat 28 Feb (11), then March from Mon 2: the 30th is Thu 26 March.
        var accepted = new DateTimeOffset(2026, 2, 6, 15, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateOnly(2026, 3, 26), Calendar.LastDay(Calendar.LocalDate(accepted), TimeLimit.WorkingDays(30)));
    }

    [Fact]
    public void an_extension_adds_its_days_after_the_end_of_the_original_period()
    {
        var originalEnd = new DateOnly(2026, 3, 26);

        var extended = Calendar.Extend(originalEnd, TimeLimit.WorkingDays(15));

        // Fri 27 Mar, then 30 Mar - 3 Apr (6), Qingming 4-6 Apr off, 7-10 Apr (10), 13-17 Apr (15).
        Assert.Equal(new DateTimeOffset(2026, 4, 18, 0, 0, 0, TimeSpan.FromHours(8)), extended);
    }

    [Fact]
    public void a_calendar_day_notice_ends_at_the_end_of_the_seventh_day_after_it_started()
    {
        var published = new DateTimeOffset(2026, 9, 30, 9, 0, 0, TimeSpan.FromHours(8));

        Assert.Equal(new DateTimeOffset(2026, 10, 8, 0, 0, 0, TimeSpan.FromHours(8)), Calendar.Deadline(published, TimeLimit.CalendarDays(7)));
    }

    [Fact]
    public void local_dates_are_taken_in_beijing_time_not_utc()
    {
        // 17:00 UTC on Friday 13 March is 01:00 on Saturday 14 March in Beijing.
        var lateEvening = new DateTimeOffset(2026, 3, 13, 17, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 3, 14), Calendar.LocalDate(lateEvening));
    }

    [Fact]
    public void working_days_between_counts_the_days_after_the_start_up_to_the_end()
    {
        var accepted = new DateTimeOffset(2026, 4, 30, 9, 0, 0, TimeSpan.FromHours(8));
        var decided = new DateTimeOffset(2026, 5, 11, 16, 0, 0, TimeSpan.FromHours(8));

        // 1-5 May off; Wed 6, Thu 7, Fri 8, Sat 9 (worked), Mon 11.
        Assert.Equal(5, Calendar.WorkingDaysBetween(accepted, decided));
    }

    [Fact]
    public void a_year_without_a_schedule_counts_monday_to_friday_and_says_so()
    {
        Assert.True(Calendar.Covers(2026));
        Assert.False(Calendar.Covers(2027));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void a_schedule_with_a_weekday_listed_as_a_working_weekend_is_refused()
    {
        const string json = """{"year":2026,"holidays":[],"workingWeekends":["2026-03-10"]}""";

        var error = Assert.Throws<FormatException>(() => HolidayScheduleFile.Parse(json));

        Assert.Contains("2026-03-10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-09", "2026-12-31", false)]
    [InlineData("2026-12-14", "2027-01-04", true)] // the count runs into 2027, which has no schedule
    [InlineData("2026-12-31", "2026-12-31", false)] // nothing counted
    [InlineData("2025-12-31", "2026-01-05", false)] // counting starts the day after, in 2026
    public void a_count_is_provisional_when_it_crosses_a_year_without_a_schedule(string after, string through, bool provisional) =>
        Assert.Equal(provisional, Calendar.IsProvisional(DateOnly.Parse(after, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(through, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-10-31", "")]
    [InlineData("2026-11-01", "2027")]
    [InlineData("2027-01-04", "2027")]
    [InlineData("2027-11-02", "2027 2028")]
    public void the_years_missing_are_the_current_one_and_from_1_november_the_next(string today, string missing) =>
        Assert.Equal(missing, string.Join(' ', Calendar.MissingYears(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))));

    [Fact]
    public void a_schedule_listing_a_day_twice_or_a_day_both_off_and_worked_is_refused_naming_each_field()
    {
        var schedule = new HolidaySchedule(
            2026,
            [new("New Year", new(2026, 1, 1), new(2026, 1, 3)), new("Again", new(2026, 1, 3), new(2026, 1, 3))],
            [new(2026, 1, 3), new(2026, 1, 4), new(2026, 1, 4)],
            "test");
        var errors = new Affairs.Domain.Rejections.ValidationErrors();

        HolidayScheduleRules.Check(schedule, errors);

        Assert.Equal(["holidays[1]", "workingWeekends[0]", "workingWeekends[2]"], errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }
}
