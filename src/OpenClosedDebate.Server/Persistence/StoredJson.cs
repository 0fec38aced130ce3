namespace OpenClosedDebate.Server.Persistence;

using System.Text.Json;
using System.Text.Json.Serialization;
using OpenClosedDebate.Server.Json;

/// <summary>
/// How stored event payloads are written and read: camelCase names, enums as camelCase strings, and text in any
/// script as UTF-8 (<see cref="MinimalJsonEscaping"/>), not as escapes. These are the store's
/// own options, not the wire's, so a change to what clients are sent can never change what is stored, and
/// History/every-event-v1.json in the server tests fails on any change to what is.
/// </summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = MinimalJsonEscaping.Instance,
    };
}
