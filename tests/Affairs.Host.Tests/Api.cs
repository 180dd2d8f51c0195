using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Affairs.Host.Tests;

/// <summary>Requests as an integrator writes them, and the answers as JSON.</summary>
public static class Api
{
    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object? body = null, string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
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

    public static Task<HttpResponseMessage> Put(this HttpClient client, string url, object body) => client.PutAsync(url, JsonContent.Create(body));

    public static Task<HttpResponseMessage> PostRaw(this HttpClient client, string url, string body, string mediaType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, mediaType));

    public static async Task<JsonElement> Json(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static async Task<JsonElement> Json(this Task<HttpResponseMessage> response) => await (await response).Json();

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>Every page of a list route, following <c>nextCursor</c> to the last page.</summary>
    public static async Task<List<JsonElement>> Pages(this HttpClient client, string url)
    {
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var response = await client.GetAsync(cursor is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}cursor={cursor}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
            pages.Add(JsonDocument.Parse(body).RootElement.Clone());
            cursor = Optional(pages[^1], "nextCursor");
        }
        while (cursor is not null);

        return pages;
    }

    /// <summary>A member the answer leaves out when it has no value (null values are not written).</summary>
    public static string? Optional(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null ? value.ToString() : null;

    /// <summary>
    /// The payload for a snapshot: the given ids replaced by their names, and every timestamp by <c>{time}</c>, since
    /// the shared host's clock moves with the tests before.
    /// </summary>
    public static Newtonsoft.Json.Linq.JToken Snapshotable(JsonElement payload, params (string Id, string Name)[] ids)
    {
        var text = ids.Aggregate(payload.GetRawText(), (t, id) => t.Replace(id.Id, $"{{{id.Name}}}", StringComparison.Ordinal));
        var token = Newtonsoft.Json.Linq.JToken.Parse(text, new Newtonsoft.Json.Linq.JsonLoadSettings());
        foreach (var value in token.SelectTokens("$..*").OfType<Newtonsoft.Json.Linq.JValue>().Where(v => v.Type == Newtonsoft.Json.Linq.JTokenType.Date).ToList())
        {
            value.Value = "{time}";
        }

        return token;
    }

    /// <summary>A valid identity number no other test uses.</summary>
    public static string NewIdentityNumber() => IdentityNumbers.Next();
}
