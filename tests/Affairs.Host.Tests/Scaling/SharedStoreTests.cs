using System.Net;
using Affairs.EventStore;
using Affairs.Stores.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Affairs.Host.Tests.Scaling;

/// <summary>
/// Two hosts on one PostgreSQL store (SQLite files are not for sharing between hosts), in a schema of their own that is
/// dropped afterwards: what one host changes, the other serves without restarting.
/// </summary>
public sealed class SharedStoreTests
{
    private const string Variable = "AFFAIRS_TEST_POSTGRES";
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
