using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Affairs.Host.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Affairs.Host.Tests.Cli;

/// <summary>
/// <c>keys issue|list|rotate|revoke</c> on the seeded host's store. The command line is another process on the same
/// store, so the running host sees its keys once its index is refreshed from the key stream.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class KeysCommandTests(HostFactory host)
{
    [Fact]
    public async Task a_key_issued_on_the_command_line_is_listed_works_for_its_staff_member_and_stops_working_when_revoked()
    {
        var (issued, output) = await host.RunCliAsync("keys", "issue", "--staff", "s-cert-a", "--label", "certification counter");
        var secret = Secret().Match(output).Groups["secret"].Value;
        var keyId = output.Split('\t')[0].Trim();
        await RefreshAsync();

        Assert.Equal(0, issued);
        Assert.StartsWith($"afk_{keyId}_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await WithKey(secret).GetAsync("/api/queues/me")).StatusCode);
        var (listed, list) = await host.RunCliAsync("keys", "list");
        Assert.Equal(0, listed);
        Assert.Contains($"{keyId}\tactive\tstaff s-cert-a\tcaseworker", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        var (revoked, _) = await host.RunCliAsync("keys", "revoke", keyId, "--reason", "counter closed");
        await RefreshAsync();

        Assert.Equal(0, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(secret).GetAsync("/api/queues/me")).StatusCode);
        Assert.Contains($"{keyId}\trevoked", (await host.RunCliAsync("keys", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task rotating_on_the_command_line_prints_a_new_secret_that_replaces_the_old_one()
    {
        var (_, output) = await host.RunCliAsync("keys", "issue", "--client", "archive-office", "--role", "integration", "--scope", "cases:read", "--label", "archive");
        var old = Secret().Match(output).Groups["secret"].Value;
        var keyId = output.Split('\t')[0].Trim();

        var (rotated, rotation) = await host.RunCliAsync("keys", "rotate", keyId);
        var renewed = Secret().Match(rotation).Groups["secret"].Value;
        await RefreshAsync();

        // The old secret's grace ends at the command line's clock, which is not the test host's: the stored key is checked instead.
        var key = host.Services.GetRequiredService<ApiKeyIndex>().Register.Keys[keyId];
        Assert.Equal(0, rotated);
        Assert.NotEqual(old, renewed);
        Assert.Equal((ApiKeySecrets.HashOf(renewed), ApiKeySecrets.HashOf(old)), (key.SecretHash, key.PreviousSecretHash));
        Assert.Equal(HttpStatusCode.NotFound, (await WithKey(renewed).GetAsync("/api/cases/c-none")).StatusCode);
    }

    [Theory]
    [InlineData("keys", "issue", "--label", "no binding")]
    [InlineData("keys", "issue", "--label", "both", "--staff", "s-dibao-a", "--client", "portal")]
    [InlineData("keys", "issue", "--label", "bad scope", "--client", "portal", "--role", "integration", "--scope", "everything")]
    [InlineData("keys", "issue", "--staff", "s-dibao-a")]
    [InlineData("keys", "rotate", "k-x", "--grace-minutes", "100000")]
    [InlineData("keys", "revoke", "k-x")]
    [InlineData("keys", "forge")]
    public async Task bad_usage_is_refused_with_help_and_nothing_issued(params string[] args)
    {
        var before = (await host.RunCliAsync("keys", "list")).Output;

        var (code, _, error) = await host.RunCliWithErrorsAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Equal(before, (await host.RunCliAsync("keys", "list")).Output);
    }

    [Fact]
    public async Task an_unknown_staff_member_or_key_is_refused_with_its_code()
    {
        var (issue, _, issueError) = await host.RunCliWithErrorsAsync("keys", "issue", "--staff", "s-nobody", "--label", "x");
        var (revoke, _, revokeError) = await host.RunCliWithErrorsAsync("keys", "revoke", "k-nobody", "--reason", "x");

        Assert.Equal((2, 2), (issue, revoke));
        Assert.Contains("validation.failed", issueError, StringComparison.Ordinal);
        Assert.Contains("not-found", revokeError, StringComparison.Ordinal);
    }

    private Task RefreshAsync() => host.Services.GetRequiredService<ApiKeyIndex>().RefreshAsync(CancellationToken.None);

    private HttpClient WithKey(string secret)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    [GeneratedRegex(@"secret \(shown this once; send it as X-Api-Key\): (?<secret>\S+)")]
    private static partial Regex Secret();
}
