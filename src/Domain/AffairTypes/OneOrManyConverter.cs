using System.Text.Json;
using System.Text.Json.Serialization;

namespace Affairs.Domain.AffairTypes;

/// <summary>Reads a JSON string or array of strings as a list, so that a transition may leave from one state or several.</summary>
internal sealed class OneOrManyConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        return JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [];
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        if (value.Count == 1)
        {
            writer.WriteStringValue(value[0]);
            return;
        }

        JsonSerializer.Serialize(writer, value, options);
    }
}
