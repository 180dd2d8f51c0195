using Affairs.Domain.Rejections;
using Affairs.Host.OpenApi;
using Affairs.Host.Requests;
using Affairs.Host.Security;
using Affairs.Workflows.Calendar;
using Mediator;

namespace Affairs.Host.Endpoints;

/// <summary>
/// Working-day calendars: the years published, one year's calendar in force, and publishing a year (a correction is a
/// new version). Deadlines count with the calendar in force when they are asked for.
/// </summary>
internal static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var calendars = api.MapGroup("/calendars").WithTags("Calendars");
        calendars.MapGet("/", List).RequireAuthorization(AccessPolicies.CatalogRead).WithName("ListCalendars")
            .WithSummary("Lists the years whose working-day calendar is published, each with its version in force.")
            .Produces<IReadOnlyList<CalendarVersion>>();
        calendars.MapGet("/{year}", Get).RequireAuthorization(AccessPolicies.CatalogRead).WithName("GetCalendar")
            .WithSummary("Reads one year's working-day calendar in force: its holidays and worked weekend days.")
            .Produces<CalendarYear>().WithETag();
        calendars.MapPut("/{year}", Publish).RequireAuthorization(AccessPolicies.Administer).WithName("PublishCalendar")
            .WithSummary("Publishes a year's working-day calendar; publishing the year again with other content is its next version.")
            .Produces<CalendarVersion>().WithIfMatch();
    }

    private static IResult List(CalendarCatalog catalog) =>
        TypedResults.Ok(catalog.Years.Select(y => y.ToVersion()).ToList());

    private static IResult Get(int year, HttpContext http, CalendarCatalog catalog)
    {
        var calendar = catalog.Year(year) ?? throw CommandRejectedException.NotFound("calendar.not-found", "No working-day calendar is published for that year.");
        http.Response.Headers.ETag = RequestCommands.ETag(calendar.Revision);
        return TypedResults.Ok(calendar);
    }

    private static async Task<IResult> Publish(int year, PublishCalendarRequest request, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var published = await mediator.Send(
            new PublishCalendarYear(year, request.Source ?? string.Empty, request.Holidays!, request.WorkingWeekends!, RequestCommands.ExpectedRevision(http), RequestCommands.Context(http)),
            ct);
        http.Response.Headers.ETag = RequestCommands.ETag(published.Revision);
        return TypedResults.Ok(published);
    }
}
