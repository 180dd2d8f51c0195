using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;

namespace Affairs.Host.Tests.Security;

/// <summary>The host with extra settings for how people sign in to the console.</summary>
public sealed class ConsoleSignInHost(Dictionary<string, string> settings) : HostFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>
/// <c>Console:OpenIdConnect</c> and <c>Console:ApiKeySignIn</c>: a setting that cannot work stops the start with what to
/// fix; a provider adds its button (and its origin to the forms' CSP); without either, the sign-in page is as it was.
/// </summary>
public sealed partial class ConsoleSignInSettingsTests
{
    private const string Authority = "https://login.example.org/realms/centre";

    [Theory]
    [InlineData("Authority", "Console:OpenIdConnect needs ClientId")]
    [InlineData("ClientId", "Console:OpenIdConnect needs Authority")]
    public void A_provider_missing_its_authority_or_client_id_stops_the_start_naming_the_setting(string given, string expected)
    {
        var settings = new Dictionary<string, string> { [$"Console:OpenIdConnect:{given}"] = given == "Authority" ? Authority : "affairs-console" };

        var error = StartFailure(settings);

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_authority_stops_the_start_unless_https_metadata_is_waived()
    {
        var settings = Provider();
        settings["Console:OpenIdConnect:Authority"] = "http://login.example.org";

        Assert.Contains("Console:OpenIdConnect:Authority must use https", StartFailure(settings), StringComparison.Ordinal);
        settings["Console:OpenIdConnect:RequireHttpsMetadata"] = "false";
        using var host = new ConsoleSignInHost(settings);
        Assert.Equal(HttpStatusCode.OK, (await host.As(null).GetAsync("/console/sign-in")).StatusCode);
    }

    [Fact]
    public void Turning_api_key_sign_in_off_without_a_provider_stops_the_start()
    {
        var error = StartFailure(new Dictionary<string, string> { ["Console:ApiKeySignIn"] = "false" });

        Assert.Contains("Console:ApiKeySignIn=false leaves the console without a way to sign in", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_configuration_the_sign_in_page_takes_a_key_only_and_forms_post_to_the_console_only()
    {
        using var host = new ConsoleSignInHost([]);

        using var response = await host.As(null).GetAsync("/console/sign-in");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("name=\"key\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Provider", page, StringComparison.Ordinal);
        Assert.Contains("form-action 'self';", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_adds_its_button_beside_the_key_form_and_its_origin_to_form_action_only()
    {
        using var host = new ConsoleSignInHost(Provider());

        using var response = await host.As(null).GetAsync("/console/sign-in?culture=en");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("Sign in with District ID", page, StringComparison.Ordinal);
        Assert.Contains("name=\"key\"", page, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("form-action 'self' https://login.example.org;", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none';", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_api_key_sign_in_off_the_form_is_gone_and_a_posted_key_is_refused()
    {
        var settings = Provider();
        settings["Console:ApiKeySignIn"] = "false";
        using var host = new ConsoleSignInHost(settings);
        var client = host.As(null);

        var page = await client.GetStringAsync("/console/sign-in?culture=en");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var posted = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = token, ["key"] = "demo-dibao-a-key" }));

        Assert.Contains("Sign in with District ID", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"key\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Contains("auth.api-key-sign-in-off", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(posted.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("affairs.console=", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Provider() => new()
    {
        ["Console:OpenIdConnect:Authority"] = Authority,
        ["Console:OpenIdConnect:ClientId"] = "affairs-console",
        ["Console:OpenIdConnect:DisplayName"] = "District ID",
    };

    /// <summary>The message of the configuration error that stops the host from starting.</summary>
    private static string StartFailure(Dictionary<string, string> settings)
    {
        using var host = new ConsoleSignInHost(settings);
        var error = Assert.ThrowsAny<Exception>(() => host.Services);
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is InvalidOperationException { Message: var message } && message.StartsWith("Console:", StringComparison.Ordinal))
            {
                return message;
            }
        }

        return error.ToString();
    }

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
