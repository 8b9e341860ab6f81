using System.Text.Json;
using System.Text.Json.Serialization;
using Cooperative.Domain;

namespace Cooperative.Api.Infrastructure;

/// <summary>
/// Every enumeration on the wire in the one spelling of <see cref="Vocabulary"/>: written as its code
/// (<c>outside_county</c>), read from the code, the Chinese label or a documented alias; a number or an unknown
/// word is refused with the allowed codes, so the caller's 400 says what to send.
/// </summary>
public sealed class VocabularyJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(VocabularyJsonConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class VocabularyJsonConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw Refused(reader.TokenType.ToString());
            return Parse(reader.GetString());
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Vocabulary.Code(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Vocabulary.Code(value));

        private static T Parse(string? text) => Vocabulary.TryParse(text, out T value) ? value : throw Refused(text);

        private static JsonException Refused(string? text) =>
            new($"'{(text is { Length: > 40 } ? text[..40] + "…" : text)}' is not a {typeof(T).Name}: use one of {string.Join(", ",
                Vocabulary.Terms(typeof(T)).Select(t => t.Code))}.");
    }
}
