using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Affairs.Host.Tests.Calendars;

/// <summary>Working-day calendars through the API, on a host of their own (publishing a year changes every deadline in it).</summary>
public sealed class CalendarApiTests(HostFactory host) : IClassFixture<HostFactory>
{
    private static readonly object Calendar2028 = new
    {
        source = "State Council General Office notice on the 2028 public holidays",
        holidays = new[] { new { name = "New Year", from = "2028-01-01", to = "2028-01-03" } },
        workingWeekends = new[] { "2028-01-29" },
    };

    [Fact]
    public async Task a_fresh_store_has_the_shipped_2026_calendar_as_version_1()
    {
        var list = await host.As("demo-dibao-a").GetAsync("/api/calendars").Json();
        var response = await host.As("demo-auditor").GetAsync("/api/calendars/2026");
        var year = await response.Json();

        var shipped = Assert.Single(list.EnumerateArray(), y => y.GetProperty("year").GetInt32() == 2026);
        Assert.Equal(1, shipped.GetProperty("version").GetInt32());
        Assert.Equal((7, 6), (year.GetProperty("holidays").GetArrayLength(), year.GetProperty("workingWeekends").GetArrayLength()));
        Assert.Equal(["holidays", "revision", "source", "version", "workingWeekends", "year"], year.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal($"\"{year.GetProperty("revision").GetInt64()}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task a_year_not_published_is_404()
    {
        var response = await host.As("demo-admin").GetAsync("/api/calendars/2031");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("calendar.not-found", (await response.Json()).Str("code"));
    }

    [Fact]
    public async Task the_administrator_publishes_a_year_and_then_a_correction_against_the_revision_it_saw()
    {
        var admin = host.As("demo-admin");

        var first = await Publish(admin, 2028, Calendar2028);
        var etag = first.Headers.ETag?.Tag;
        var corrected = await Publish(admin, 2028, new { source = "corrected notice", holidays = Array.Empty<object>(), workingWeekends = Array.Empty<string>() }, ifMatch: etag);
        var stale = await Publish(admin, 2028, Calendar2028, ifMatch: etag);
        var inForce = await admin.GetAsync("/api/calendars/2028").Json();

        Assert.Equal((HttpStatusCode.OK, 1), (first.StatusCode, (await first.Json()).GetProperty("version").GetInt32()));
        Assert.Equal((HttpStatusCode.OK, 2), (corrected.StatusCode, (await corrected.Json()).GetProperty("version").GetInt32()));
        Assert.Equal((HttpStatusCode.Conflict, "concurrency.conflict"), (stale.StatusCode, (await stale.Json()).Str("code")));
        Assert.Equal((2, "corrected notice", 0), (inForce.GetProperty("version").GetInt32(), inForce.Str("source"), inForce.GetProperty("holidays").GetArrayLength()));
    }

    [Fact]
    public async Task a_publication_sent_again_with_its_idempotency_key_answers_as_the_first_time()
    {
        var admin = host.As("demo-admin");

        var first = await Publish(admin, 2029, Calendar2029, idempotencyKey: "calendar-2029-once");
        var again = await Publish(admin, 2029, Calendar2029, idempotencyKey: "calendar-2029-once");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.Json()).GetRawText(), (await again.Json()).GetRawText());
        Assert.Equal(1, (await admin.GetAsync("/api/calendars/2029").Json()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task a_calendar_with_a_date_outside_its_year_is_400_naming_the_field()
    {
        var response = await Publish(host.As("demo-admin"), 2030, new
        {
            source = "notice",
            holidays = new[] { new { name = "New Year", from = "2029-12-31", to = "2030-01-01" } },
            workingWeekends = new[] { "2030-01-01" },
        });
        var problem = await response.Json();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["holidays[0].from", "workingWeekends[0]"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("2029-12-31", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_empty_calendar_or_a_year_that_is_not_a_number_is_400_not_500()
    {
        var admin = host.As("demo-admin");

        var empty = await Publish(admin, 2030, new { });
        var nulls = await Publish(admin, 2030, new { source = "notice", holidays = new object?[] { null, new { name = "x" } }, workingWeekends = Array.Empty<string>() });
        var notAYear = await admin.GetAsync("/api/calendars/twenty");

        Assert.Equal(["holidays", "source", "workingWeekends"], (await empty.Json()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["holidays[0]", "holidays[1].from", "holidays[1].to"], (await nulls.Json()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, notAYear.StatusCode);
    }

    [Theory]
    [InlineData("demo-dibao-a")]
    [InlineData("demo-supervisor")]
    [InlineData("demo-auditor")]
    [InlineData("demo-integration")]
    public async Task only_the_administrator_publishes_a_calendar(string key)
    {
        var response = await Publish(host.As(key), 2028, Calendar2028);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("auth.forbidden", (await response.Json()).Str("code"));
    }

    [Fact]
    public async Task from_1_november_the_supervisor_s_queue_carries_an_alert_for_next_year_s_missing_calendar()
    {
        host.Clock.Advance(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.FromHours(8)) - host.Clock.GetUtcNow());

        var supervisor = await host.As("demo-supervisor").GetAsync("/api/queues/me").Json();
        var caseworker = await host.As("demo-dibao-a").GetAsync("/api/queues/me").Json();

        var alert = Assert.Single(supervisor.GetProperty("centreAlerts").EnumerateArray());
        Assert.Equal(("calendar.not-published", 2027), (alert.Str("code"), alert.GetProperty("year").GetInt32()));
        Assert.Equal(0, caseworker.GetProperty("centreAlerts").GetArrayLength());
    }

    private static readonly object Calendar2029 = new
    {
        source = "State Council General Office notice on the 2029 public holidays",
        holidays = new[] { new { name = "New Year", from = "2029-01-01", to = "2029-01-01" } },
        workingWeekends = Array.Empty<string>(),
    };

    private static Task<HttpResponseMessage> Publish(HttpClient client, int year, object body, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/calendars/{year}") { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }
}
