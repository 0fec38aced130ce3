namespace OpenClosedDebate.TestKit;

using System.Text.Json;
using System.Text.Json.Serialization;

/// <summary>The protocol's JSON as a client writes and reads it: camelCase names and enums as camelCase strings (protocol §1).</summary>
public static class Wire
{
    /// <summary>The one set of options every test client, REST call and the load generator use.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
