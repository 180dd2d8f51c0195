using System.Net;
using Microsoft.Playwright;

namespace Affairs.Console.Tests;

/// <summary>A role never sees or does in the console what the API would not let it: the server decides, not the page.</summary>
public sealed class RoleBoundaryTests : IClassFixture<ConsoleHostFixture>
{
    private readonly ConsoleHost _host;

    public RoleBoundaryTests(ConsoleHostFixture fixture) => _host = fixture.Host;

    [BrowserFact]
    public async Task B_while_A_is_in_sees_the_case_masked_without_actions_and_is_refused_when_posting_one_directly()
    {
        var caseId = await _host.OpenDibaoAsync();
        var revision = await _host.RevisionAsync(caseId);
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-dibao-b");
        await page.GotoAsync(new Uri(_host.Address, $"/console/cases/{caseId}").ToString());

        var identity = page.Locator("[data-field=identityNumber]");
        await Assertions.Expect(identity).Not.ToHaveTextAsync(Seeded.SunIdentityNumber);
        await Assertions.Expect(identity).ToContainTextAsync("***");
        await Assertions.Expect(page.Locator("[data-field=name]")).Not.ToHaveTextAsync(Seeded.SunName);
        await Assertions.Expect(page.Locator("form.trigger")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToBeVisibleAsync();
        await browser.ScreenshotAsync("case-masked");

        // The form is not there, so post what it would have sent, with this session's own antiforgery token.
        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(new Uri(_host.Address, $"/console/cases/{caseId}?handler=Fire").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__af", token!).Set("trigger", "accept").Set("revision", revision).Set("data.householdSize", "3"),
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("case.not-responsible", await response.TextAsync(), StringComparison.Ordinal);

        Assert.Equal(revision, await _host.RevisionAsync(caseId));
    }

    [BrowserFact]
    public async Task An_auditor_who_posts_a_trigger_directly_is_refused_by_the_role_policy()
    {
        var caseId = await _host.OpenDibaoAsync();
        var revision = await _host.RevisionAsync(caseId);
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-auditor");
        await page.GotoAsync(new Uri(_host.Address, $"/console/cases/{caseId}").ToString());
        await Assertions.Expect(page.Locator("[data-field=identityNumber]")).ToHaveTextAsync(Seeded.SunIdentityNumber);
        await Assertions.Expect(page.Locator("form.trigger")).ToHaveCountAsync(0);

        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        var response = await page.APIRequest.PostAsync(new Uri(_host.Address, $"/console/cases/{caseId}?handler=Fire").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__af", token!).Set("trigger", "accept").Set("revision", revision),
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        Assert.Contains("auth.forbidden", await response.TextAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_pages_carry_a_strict_content_security_policy()
    {
        var caseId = await _host.OpenDibaoAsync();
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-dibao-a");
        var shown = await page.GotoAsync(new Uri(_host.Address, $"/console/cases/{caseId}").ToString());
        Assert.Contains("script-src 'self'", shown!.Headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", shown.Headers["content-security-policy"], StringComparison.Ordinal);

        var response = await page.APIRequest.PostAsync(new Uri(_host.Address, $"/console/cases/{caseId}?handler=Fire").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("trigger", "accept").Set("revision", "5").Set("data.householdSize", "3"),
        });
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
    }

    [BrowserFact]
    public async Task A_caseworker_sees_none_of_the_administrator_pages_and_is_refused_when_posting_to_them_directly()
    {
        await using var browser = await Browser.OpenAsync();
        var page = browser.Page;
        await browser.SignInAsync(_host.Address, "demo-dibao-a");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "我的待办" })).ToBeVisibleAsync();
        foreach (var link in new[] { "政策参数", "组织架构", "工作日历", "密钥管理" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = link })).ToHaveCountAsync(0);
        }

        foreach (var path in new[] { "/console/policies", "/console/organisation", "/console/calendars", "/console/keys" })
        {
            var shown = await page.GotoAsync(new Uri(_host.Address, path).ToString());
            Assert.Equal((int)HttpStatusCode.Forbidden, shown!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "无权访问" })).ToBeVisibleAsync();
        }

        // The forms are not there, so post what they would have sent, with this session's own antiforgery token.
        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        var posts = new (string Path, Dictionary<string, string> Form)[]
        {
            ("/console/keys?handler=Issue", new() { ["label"] = "a caseworker's own key", ["staffId"] = "s-dibao-a" }),
            ("/console/organisation?handler=Holders", new() { ["postId"] = "dibao", ["aHolderId"] = "s-dibao-a", ["bHolderId"] = "s-grid-1", ["reason"] = "mine" }),
            ("/console/policies?handler=Publish", new() { ["PolicyId"] = "dibao", ["Version"] = "9", ["EffectiveFrom"] = "2026-12-01", ["Values"] = "{\"dibaoLine\": 1}" }),
            ("/console/calendars?handler=Publish", new() { ["PublishYear"] = "2099", ["Source"] = "mine", ["Holidays"] = "", ["WorkingWeekends"] = "" }),
        };
        foreach (var (path, fields) in posts)
        {
            var form = page.APIRequest.CreateFormData().Set("__af", token!);
            foreach (var (name, value) in fields)
            {
                form = form.Set(name, value);
            }

            var response = await page.APIRequest.PostAsync(new Uri(_host.Address, path).ToString(), new() { Form = form });
            Assert.Equal((int)HttpStatusCode.Forbidden, response.Status);
        }

        using var admin = _host.Api("demo-admin");
        var keys = await admin.GetStringAsync("/api/keys");
        Assert.DoesNotContain("a caseworker's own key", keys, StringComparison.Ordinal);
        var organisation = await admin.GetStringAsync("/api/organisation");
        Assert.Contains("\"bHolderId\":\"s-dibao-b\"", organisation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/calendars/2099")).StatusCode);
        var dibao = await admin.GetStringAsync("/api/policies/dibao");
        Assert.DoesNotContain("\"version\":9", dibao, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Only_an_administrator_may_ask_the_editor_to_check_a_definition_with_the_session_token_and_a_bounded_body()
    {
        await using var worker = await Browser.OpenAsync();
        await worker.SignInAsync(_host.Address, "demo-dibao-a");
        await Assertions.Expect(worker.Page.GetByRole(AriaRole.Link, new() { Name = "事项类型" })).ToHaveCountAsync(0);
        var refused = await PostCheckAsync(worker.Page, "{ \"id\": \"mine\" }");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused.Status);
        Assert.DoesNotContain("application/json", refused.Headers["content-type"], StringComparison.Ordinal);

        await using var admin = await Browser.OpenAsync();
        await admin.SignInAsync(_host.Address, "demo-admin");
        var answered = await PostCheckAsync(admin.Page, "{ \"id\": \"mine\" }");
        Assert.Equal((int)HttpStatusCode.OK, answered.Status);
        var check = await answered.JsonAsync();
        Assert.False(check!.Value.GetProperty("valid").GetBoolean());
        Assert.Contains(check.Value.GetProperty("problems").EnumerateArray(), p => p.GetProperty("path").GetString() == "$.version");

        var unsigned = await admin.Page.APIRequest.PostAsync(new Uri(_host.Address, "/console/types?handler=Check").ToString(), new()
        {
            Form = admin.Page.APIRequest.CreateFormData().Set("Definition", "{}"),
        });
        Assert.Equal((int)HttpStatusCode.BadRequest, unsigned.Status);

        var tooLarge = await PostCheckAsync(admin.Page, new string(' ', 1024 * 1024) + "{}");
        Assert.Equal((int)HttpStatusCode.RequestEntityTooLarge, tooLarge.Status);
    }

    /// <summary>Posts a definition to the affair-type editor's check, as its script does, with this session's own antiforgery token.</summary>
    private async Task<IAPIResponse> PostCheckAsync(IPage page, string definition)
    {
        var token = await page.Locator("input[name=__af]").First.GetAttributeAsync("value");
        return await page.APIRequest.PostAsync(new Uri(_host.Address, "/console/types?handler=Check").ToString(), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__af", token!).Set("Definition", definition),
        });
    }
}
