namespace OpenClosedDebate.LoadTest;

using System.Text.Json;

/// <summary>The JSON conventions of the protocol: camelCase, as the server and browser use.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
