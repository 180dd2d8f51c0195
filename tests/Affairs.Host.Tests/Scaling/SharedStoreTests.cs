using System.Net;
using System.Text.RegularExpressions;
using Affairs.EventStore;
using Affairs.Stores.Postgres;
using Affairs.Workflows.Timers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Affairs.Host.Tests.Scaling;

/// <summary>
/// Two hosts on one PostgreSQL store (SQLite files are not for sharing between hosts), in a schema of their own that is
/// dropped afterwards: what one host changes, the other serves without restarting; one of them fires the timers.
/// </summary>
public sealed class SharedStoreTests
{
    private const string Variable = "AFFAIRS_TEST_POSTGRES";
    private const int SchedulerLockClass = 0x41666673;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [PostgresFact]
    public async Task a_key_issued_on_one_host_authenticates_on_the_other()
    {
        var schema = "hosts_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            using var a = new PostgresHost(schema);
            using var b = new PostgresHost(schema) { BackgroundServices = true };
            var admin = a.As("demo-admin");
            using var other = b.CreateClient();
            var issued = await admin.Post("/api/keys", new { label = "insurance counter", staffId = "s-ins-a" }).Json();
            other.DefaultRequestHeaders.Add("X-Api-Key", issued.Str("secret"));

            using var bound = new CancellationTokenSource(Bound);
            while ((await other.GetAsync("/api/queues/me", bound.Token)).StatusCode != HttpStatusCode.OK)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), bound.Token);
            }

            Assert.Equal("s-ins-a", (await other.GetAsync("/api/queues/me").Json()).Str("staffId"));
        }
        finally
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    [PostgresFact]
    public async Task a_console_session_begun_on_one_host_is_signed_in_on_the_other_and_its_keys_are_in_the_database()
    {
        var schema = "hosts_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            using var a = new ConfiguredPostgresHost(schema);
            using var b = new ConfiguredPostgresHost(schema);
            var noCookies = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
            using var toA = a.CreateClient(noCookies);
            using var toB = b.CreateClient(noCookies);

            // The form comes from A, the sign-in goes to B: B accepts A's antiforgery token only with A's keys.
            var form = await toA.GetAsync("/console/sign-in");
            var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            using var signIn = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = "demo-dibao-a-key", ["returnUrl"] = "/console", ["__af"] = token }),
            };
            signIn.Headers.Add("Cookie", CookiesOf(form));
            var signedIn = await toB.SendAsync(signIn);

            // The session B began is good on A.
            using var queue = new HttpRequestMessage(HttpMethod.Get, "/console/queue");
            queue.Headers.Add("Cookie", CookiesOf(signedIn));
            var onA = await toA.SendAsync(queue);

            Assert.NotEmpty(token);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal(HttpStatusCode.OK, onA.StatusCode);
            Assert.True(await ScalarAsync<long>($"SELECT count(*) FROM \"{schema}\".key_ring") >= 1);
            Assert.False(Directory.Exists(Path.Combine(a.DataFolder, "keys")));
        }
        finally
        {
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : []);

    [PostgresFact]
    public async Task one_host_fires_the_timers_and_after_the_holders_lock_session_is_killed_one_host_takes_over_and_fires_once()
    {
        var schema = "hosts_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            using var a = new PostgresHost(schema) { BackgroundServices = true };
            var centre = new Centre(a);
            var early = await OnNoticeAsync(centre);
            using var b = new PostgresHost(schema) { BackgroundServices = true };
            b.CreateClient().Dispose();
            PostgresHost[] hosts = [a, b];
            await Until(hosts, () => Holders(hosts).Count == 1 && hosts.All(h => Scheduler(h).Lease.Holder is not null));
            var holder = Holders(hosts).Single();
            Assert.All(hosts, h => Assert.Equal(holder, Scheduler(h).Lease.Holder));

            Advance(hosts, TimeSpan.FromDays(8));
            await Until(hosts, async () => await NoticesEndedAsync(centre, early) == 1);
            var killed = await ScalarAsync<int>($"SELECT pid FROM pg_stat_activity WHERE application_name = 'affairs-scheduler:{holder}'");
            var terminated = await ScalarAsync<bool>($"SELECT pg_terminate_backend({killed})");

            // Either host may win the lock next (the old holder's renewal finds its session gone and it tries again).
            await Until(hosts, async () => Holders(hosts).Count == 1 && await ScalarAsync<int>(
                $"SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = {SchedulerLockClass} AND objid = hashtext('{schema}')::oid UNION ALL SELECT 0 LIMIT 1") is not 0 and var pid && pid != killed);
            var late = await OnNoticeAsync(centre);
            Advance(hosts, TimeSpan.FromDays(8));
            await Until(hosts, async () => await NoticesEndedAsync(centre, late) == 1);

            Assert.True(terminated);
            Assert.Single(Holders(hosts));
            Assert.Equal(1, await NoticesEndedAsync(centre, early));
            Assert.Equal(1, await NoticesEndedAsync(centre, late));
        }
        finally
        {
            await ScalarAsync<int>($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE; SELECT 1");
        }
    }

    private static TimerService Scheduler(HostFactory host) => host.Services.GetServices<IHostedService>().OfType<TimerService>().Single();

    private static List<string> Holders(IEnumerable<HostFactory> hosts) =>
        [.. hosts.Select(h => Scheduler(h).Lease).Where(l => l.Held).Select(l => l.Holder!)];

    private static void Advance(IEnumerable<HostFactory> hosts, TimeSpan by)
    {
        foreach (var host in hosts)
        {
            host.Clock.Advance(by);
        }
    }

    /// <summary>Lets the hosts' clocks run in 2 s steps (their schedulers' renewal interval) until <paramref name="condition"/> holds, for at most 60 s.</summary>
    private static Task Until(IEnumerable<HostFactory> hosts, Func<bool> condition) => Until(hosts, () => Task.FromResult(condition()));

    private static async Task Until(IEnumerable<HostFactory> hosts, Func<Task<bool>> condition)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Advance(hosts, TimeSpan.FromSeconds(2));
            await Task.Delay(TimeSpan.FromMilliseconds(50), bound.Token);
        }
    }

    private static async Task<string> OnNoticeAsync(Centre centre)
    {
        var caseId = await centre.OpenAndAccept();
        await Centre.Ok(centre.A.Post($"/api/cases/{caseId}/triggers/record-data-check", new { data = new { dataCheckReportNo = "HC-2026-001", monthlyIncomePerPerson = 500 } }));
        await Centre.Ok(centre.A.Post($"/api/cases/{caseId}/triggers/record-home-visit", new { data = new { homeVisitDate = "2026-03-09", investigator1 = "s-dibao-a", investigator2 = "s-grid-1" } }));
        await Centre.Ok(Centre.Attach(centre.A, caseId, "data-check-report"));
        await Centre.Ok(Centre.Attach(centre.A, caseId, "home-visit-record"));
        await Centre.Ok(centre.A.Post($"/api/cases/{caseId}/triggers/complete-investigation"));
        await Centre.Ok(centre.Supervisor.Post($"/api/cases/{caseId}/triggers/pass-first-review"));
        return caseId;
    }

    private static async Task<int> NoticesEndedAsync(Centre centre, string caseId) =>
        (await centre.Auditor.GetAsync($"/api/cases/{caseId}/history").Json()).EnumerateArray()
            .Count(e => e.Str("kind") == "transitioned" && e.Str("trigger") == "notice-ended");

    private static async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs only when <c>AFFAIRS_TEST_POSTGRES</c> names a server (see <c>scripts/services.sh</c>).</summary>
    private sealed class PostgresFactAttribute : FactAttribute
    {
        public PostgresFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            {
                Skip = $"Needs PostgreSQL: set {Variable} (eval \"$(bash scripts/services.sh start)\").";
            }
        }
    }

    /// <summary>The real host configured for PostgreSQL as a deployment is (<c>Store=Postgres</c>), not through test services.</summary>
    private sealed class ConfiguredPostgresHost(string schema) : HostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Affairs:ResidentPseudonymKey", "shared-store-test-key-0123456789");
            builder.UseSetting("Store", "Postgres");
            builder.UseSetting("Store:Postgres:ConnectionString", Environment.GetEnvironmentVariable(Variable));
            builder.UseSetting("Store:Postgres:Schema", schema);
        }
    }

    /// <summary>The real host on the shared schema; the first one started seeds the demo centre.</summary>
    private sealed class PostgresHost(string schema) : HostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Affairs:ResidentPseudonymKey", "shared-store-test-key-0123456789");
            builder.ConfigureTestServices(services => services.AddSingleton<IEventStore>(_ => new PostgresEventStore(
                new PostgresEventStoreOptions { ConnectionString = Environment.GetEnvironmentVariable(Variable)!, Schema = schema })));
        }
    }
}
