using Affairs.Domain.Calendar;
using Affairs.Domain.Calendar.Events;
using Affairs.Domain.Rejections;
using Affairs.Workflows.Calendar;
using Affairs.Workflows.Streams;
using Affairs.Workflows.Tests.Cases;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Workflows.Tests.Calendar;

/// <summary>
/// Given the calendars already published (through the command), when one more publication is sent, then exactly these
/// events are appended to the year's stream — or the publication is refused with this code (and, for 400, these fields).
/// </summary>
public sealed class CalendarSpecification
{
    private readonly List<PublishCalendarYear> _given = [];
    private Func<Engine, PublishCalendarYear>? _when;

    /// <summary>A publication of <paramref name="year"/> as an administrator, without If-Match.</summary>
    public static Func<Engine, PublishCalendarYear> Publish(int year, string source, Holiday[] holidays, params DateOnly[] workingWeekends) =>
        engine => new PublishCalendarYear(year, source, holidays, workingWeekends, null, engine.As(Centre.Admin));

    public CalendarSpecification Given(params Func<Engine, PublishCalendarYear>[] publications)
    {
        _given.AddRange(publications.Select(p => p(Engine)));
        return this;
    }

    public CalendarSpecification When(Func<Engine, PublishCalendarYear> publication)
    {
        _when = publication;
        return this;
    }

    /// <summary>The engine the specification runs on (started, so the shipped 2026 calendar is published).</summary>
    public Engine Engine { get; } = new();

    public async Task Then(params CalendarYearPublished[] expected)
    {
        await using var engine = Engine;
        var (appended, refused) = await RunAsync();
        Assert.True(refused is null, $"The publication was refused: {refused?.Code} {refused?.Message}");
        Assert.Equal(expected.Select(Describe), appended.Select(Describe));
    }

    public async Task ThenRefused(string code, params string[] fields)
    {
        await using var engine = Engine;
        var (appended, refused) = await RunAsync();
        Assert.True(refused is not null, $"The publication was not refused; it appended {appended.Count} events.");
        Assert.Equal(code, refused.Code);
        Assert.Empty(appended);
        if (fields.Length > 0)
        {
            var errors = Assert.IsAssignableFrom<IReadOnlyDictionary<string, string[]>>(refused.Details["errors"]);
            Assert.Equal(fields.Order(StringComparer.Ordinal), errors.Keys.Order(StringComparer.Ordinal));
        }
    }

    private async Task<(List<CalendarYearPublished> Appended, CommandRejectedException? Refused)> RunAsync()
    {
        Assert.NotNull(_when);
        await Engine.StartAsync();
        foreach (var publication in _given)
        {
            await Engine.Mediator.Send(publication);
        }

        var command = _when(Engine);
        var before = await EventsAsync(command.Year);
        CommandRejectedException? refused = null;
        try
        {
            await Engine.Mediator.Send(command);
        }
        catch (CommandRejectedException e)
        {
            refused = e;
        }

        var after = await EventsAsync(command.Year);
        return ([.. after.Skip(before.Count)], refused);
    }

    private async Task<List<CalendarYearPublished>> EventsAsync(int year)
    {
        var loaded = await Engine.Services.GetRequiredService<StreamRepository>().LoadAsync(CalendarCatalog.StreamFor(year), NoState.Fold);
        return [.. loaded.Events.Select(e => e.Event).OfType<CalendarYearPublished>()];
    }

    private static string Describe(CalendarYearPublished e) =>
        $"{e.Year} v{e.Version} from '{e.Source}': off {string.Join(", ", e.Holidays.Select(h => $"{h.Name} {h.From:MM-dd}..{h.To:MM-dd}"))}; worked {string.Join(", ", e.WorkingWeekends.Select(d => d.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}";

    private sealed class NoState : IStateFold<int>
    {
        public static NoState Fold { get; } = new();

        public int Initial => 0;

        public int Apply(int state, object @event) => state + 1;
    }
}
