namespace OpenClosedDebate.Server.Contract;

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClosedDebate.Server.Json;

/// <summary>How JSON is written to clients: the hub and the REST API. Stored events have their own options (Persistence/StoredJson).</summary>
internal static class WireJson
{
    /// <summary>Enums as camelCase names, and text escaped only where JSON requires it.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new MinimallyEscapedString());
        options.Encoder = MinimalJsonEscaping.Instance;
        return options;
    }

    /// <summary>
    /// Writes text with <see cref="MinimalJsonEscaping"/> even into a writer that has an encoder of its own:
    /// SignalR's JSON protocol writes with its own writer, whose encoder escapes every character outside the
    /// Basic Multilingual Plane (an emoji becomes twelve bytes). Plain ASCII that no encoder escapes is written as it is.
    /// </summary>
    private sealed class MinimallyEscapedString : JsonConverter<string>
    {
        private static readonly SearchValues<char> Plain = SearchValues.Create(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,:;!?()[]{}/=@#$%*|~^");

        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString();

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
        {
            if (value.AsSpan().ContainsAnyExcept(Plain))
            {
                // The encoder's own Encode also turns an unpaired surrogate into U+FFFD, so the raw value is valid UTF-8 JSON.
                writer.WriteRawValue(string.Concat("\"", MinimalJsonEscaping.Instance.Encode(value), "\""), skipInputValidation: true);
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }
}
