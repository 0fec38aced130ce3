namespace OpenClosedDebate.Hardening.Tests;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>
/// A hub argument sent as the JSON text it holds, unchecked, so a fuzzed argument can be anything JSON
/// can spell: a lone surrogate escape, a number no .NET type holds, a property given twice.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
internal sealed record RawJson(string Text)
{
    /// <summary>The text, cut short in the middle when it is long, for a failure report.</summary>
    public override string ToString() => Text.Length <= 240 ? Text : $"{Text[..160]}…[{Text.Length:N0} chars]…{Text[^40..]}";

    private sealed class RawJsonConverter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new RawJson(document.RootElement.GetRawText());
        }

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Text, skipInputValidation: true);
    }
}
