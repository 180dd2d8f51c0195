using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Affairs.Domain.Privacy;

namespace Affairs.Host.Privacy;

/// <summary>
/// The JSON the API and the feed write, twice over: as it is, and with every property marked
/// <see cref="PersonalDataAttribute"/> replaced by its <see cref="PersonalDataMask"/> (text) or left out (a birth date,
/// a gender). Which one a caller gets depends
/// on its role and scopes, never on the endpoint's goodwill.
/// </summary>
internal static class PersonalDataJson
{
    public static JsonSerializerOptions Unmasked { get; } = Create(mask: false);

    public static JsonSerializerOptions Masked { get; } = Create(mask: true);

    public static JsonSerializerOptions For(bool unmasked) => unmasked ? Unmasked : Masked;

    /// <summary>Enum, number and null handling shared by both (and by the HTTP layer's own JSON).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // Numbers are JSON numbers, both ways: the web defaults also read "5" and make the document say integer|string.
        options.NumberHandling = JsonNumberHandling.Strict;

        // A member given twice is refused: which of the two a reader takes differs between parsers, and an audited
        // record must not depend on it.
        options.AllowDuplicateProperties = false;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
    }

    private static JsonSerializerOptions Create(bool mask)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        var resolver = new DefaultJsonTypeInfoResolver();
        if (mask)
        {
            resolver.Modifiers.Add(MaskPersonalData);
        }

        options.TypeInfoResolver = resolver;
        options.MakeReadOnly();
        return options;
    }

    private static void MaskPersonalData(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.Get is not { } get
                || property.AttributeProvider?.GetCustomAttributes(typeof(PersonalDataAttribute), inherit: true).FirstOrDefault() is not PersonalDataAttribute personal)
            {
                continue;
            }

            if (property.PropertyType == typeof(string))
            {
                property.Get = owner => get(owner) is string value ? PersonalDataMask.Apply(personal.Kind, value) : null;
            }
            else
            {
                property.ShouldSerialize = static (_, _) => false;
            }
        }
    }
}
