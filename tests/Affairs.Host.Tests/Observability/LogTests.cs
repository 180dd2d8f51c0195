namespace Affairs.Host.Tests.Observability;

[Collection(HostCollection.Name)]
public sealed class LogTests(HostFactory host)
{
    private readonly Centre _centre = new(host);

    [Fact]
    public async Task logs_carry_the_command_and_correlation_but_no_personal_data()
    {
        var number = Api.NewIdentityNumber();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/residents") { Content = System.Net.Http.Json.JsonContent.Create(new { identityNumber = number, name = "诸葛亮", phone = "13711112222", address = "东门街道卧龙岗 1 号" }) };
        request.Headers.Add("X-Correlation-Id", "log-check-1");
        await Centre.Ok(_centre.A.SendAsync(request));
        await _centre.A.Post("/api/residents", new { identityNumber = number, name = "诸葛亮" });

        var entries = host.Logs.Entries.ToList();
        Assert.Contains(entries, e => e.Contains("log-check-1", StringComparison.Ordinal) && e.Contains("RegisterResident", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains(number, StringComparison.Ordinal) || e.Contains("诸葛亮", StringComparison.Ordinal) || e.Contains("13711112222", StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_query_is_logged_by_its_type_with_no_actor_it_does_not_carry()
    {
        await Centre.Ok(_centre.A.GetAsync("/api/queues/me"));

        var entries = host.Logs.Entries.Where(e => e.Contains("ObservabilityBehavior", StringComparison.Ordinal)).ToList();
        Assert.Contains(entries, e => e.Contains("GetStaffQueue: ok in", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("(null)", StringComparison.Ordinal) || e.Contains("by  (", StringComparison.Ordinal));
    }
}
