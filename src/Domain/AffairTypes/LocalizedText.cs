using System.Text.Json.Serialization;

namespace Affairs.Domain.AffairTypes;

/// <summary>A display text in the two languages the centre works in.</summary>
public sealed record LocalizedText
{
    /// <summary>The Chinese text (zh-CN), shown to residents and staff.</summary>
    [JsonPropertyName("zh-CN")]
    public string ZhCn { get; init; } = "";

    /// <summary>The English text, for documentation and district systems.</summary>
    [JsonPropertyName("en")]
    public string En { get; init; } = "";
}
