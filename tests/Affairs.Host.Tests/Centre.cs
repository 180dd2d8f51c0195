using System.Net;

namespace Affairs.Host.Tests;

/// <summary>Steps on the seeded demo centre through the API: residents, households, and dibao cases.</summary>
public sealed class Centre(HostFactory host)
{
    public HttpClient A { get; } = host.As("demo-dibao-a");

    public HttpClient B { get; } = host.As("demo-dibao-b");

    public HttpClient Supervisor { get; } = host.As("demo-supervisor");

    public HttpClient Admin { get; } = host.As("demo-admin");

    public HttpClient Auditor { get; } = host.As("demo-auditor");

    public HttpClient Integration { get; } = host.As("demo-integration");

    public HttpClient IntegrationWithPersonalData { get; } = host.As("demo-integration-pd");

    public HttpClient Grid { get; } = host.As("demo-grid-1");

    public async Task<string> NewResident(string name = "测试人")
    {
        var response = await A.Post("/api/residents", new { identityNumber = Api.NewIdentityNumber(), name, phone = "13800138000", address = "东门街道测试路 1 号", gridId = "g-01" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).Str("residentId");
    }

    public async Task<string> NewHousehold()
    {
        var response = await A.Post("/api/households", new { headResidentId = await NewResident(), address = "东门街道测试路 1 号", gridId = "g-01" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).Str("householdId");
    }

    public async Task<string> OpenDibao()
    {
        var response = await A.Post("/api/cases", new { affairTypeId = "dibao", subjectId = await NewHousehold(), channel = "counter", data = new { applicationKind = "initial" } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Json()).Str("caseId");
    }

    public async Task<string> OpenAndAccept()
    {
        var caseId = await OpenDibao();
        foreach (var material in new[] { "application-form", "id-cards", "household-register", "income-proof" })
        {
            await Ok(Attach(A, caseId, material));
        }

        await Ok(A.Post($"/api/cases/{caseId}/triggers/accept", new { data = new { householdSize = 3 } }));
        return caseId;
    }

    public static Task<HttpResponseMessage> Attach(HttpClient client, string caseId, string material) =>
        client.Post($"/api/cases/{caseId}/materials", new { materialId = material, fileName = material + ".pdf", mediaType = "application/pdf", sizeBytes = 1024, contentHash = new string('a', 64) });

    public static async Task<System.Text.Json.JsonElement> Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }
}
