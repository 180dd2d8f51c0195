using System.Text.Json.Nodes;

namespace Affairs.Domain.Tests.AffairTypes;

/// <summary>A small, sound definition that each validation test breaks in exactly one way.</summary>
internal static class MinimalDefinition
{
    public const string Json = """
        {
          "id": "minimal",
          "version": 1,
          "name": { "zh-CN": "最小事项", "en": "Minimal" },
          "subject": "person",
          "parameters": [ { "name": "limit", "type": "decimal" } ],
          "fields": [
            { "name": "amount", "type": "decimal", "min": 0 },
            { "name": "kind", "type": "enum", "values": ["a", "b"] }
          ],
          "initialState": "open",
          "states": [
            { "name": "open", "handler": "dibao", "timeLimit": { "amount": 5, "unit": "working-days" },
              "timers": [ { "after": { "amount": 7, "unit": "calendar-days" }, "fire": "expire" } ] },
            { "name": "review", "handler": "supervisor", "timeLimit": { "amount": 3, "unit": "working-days" } },
            { "name": "approved", "outcome": "approved" },
            { "name": "rejected", "outcome": "rejected" }
          ],
          "transitions": [
            { "from": "open", "trigger": "submit", "to": "review", "roles": ["handler"], "guard": "amount <= param.limit" },
            { "from": "open", "trigger": "expire", "to": "rejected", "roles": ["system"], "requiresReason": true },
            { "from": "review", "trigger": "approve", "to": "approved", "roles": ["supervisor"] },
            { "from": "review", "trigger": "reject", "to": "rejected", "roles": ["supervisor"], "requiresReason": true }
          ]
        }
        """;

    /// <summary>The minimal definition after <paramref name="change"/>, as JSON.</summary>
    public static string With(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Json)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    public static JsonArray States(this JsonObject root) => root["states"]!.AsArray();

    public static JsonArray Transitions(this JsonObject root) => root["transitions"]!.AsArray();

    public static JsonArray Fields(this JsonObject root) => root["fields"]!.AsArray();

    public static JsonNode Node(string json) => JsonNode.Parse(json)!;
}
