namespace OpenClosedDebate.Server.Tests;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The client's types are generated from client/contract/openapi.json (client/contract/generate.mjs, checked by the
/// client's build), so that file must be the document the server serves. When the contract changes on purpose, run
/// these tests with OCD_WRITE_GOLDEN=1 to write the file again, then `npm run contract` in client/.
/// </summary>
public sealed class ContractFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_client_contract_file_is_the_document_the_server_serves()
    {
        var served = Canonical(await ServedDocumentAsync());
        await GoldenFile.CheckAsync(
            Path.Combine("client", "contract", "openapi.json"),
            served,
            "If the contract changed on purpose, run this test with OCD_WRITE_GOLDEN=1 and then `npm run contract` in client/.");
    }

    [Fact]
    public async Task The_document_describes_every_hub_method_and_client_message_with_its_arguments()
    {
        var document = await ServedDocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        var hub = schemas["HubMethods"]!["properties"]!.AsObject();
        var methods = typeof(Hubs.DebateHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual).ToList();

        Assert.Equal(methods.Select(m => m.Name).Order(StringComparer.Ordinal), hub.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(methods, m => Assert.Equal(m.GetParameters().Length, hub[m.Name]!["properties"]!["args"]!["prefixItems"]!.AsArray().Count));
        Assert.Equal("#/components/schemas/JoinRequest", hub["Join"]!["properties"]!["args"]!["prefixItems"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/JoinResult", hub["Join"]!["properties"]!["result"]!["$ref"]!.GetValue<string>());
        Assert.Equal("null", hub["Start"]!["properties"]!["result"]!["type"]!.GetValue<string>());
        Assert.Equal(["Heartbeat", "Snapshot", "Update"], schemas["ClientMethods"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

        // Every kind of room event is named, carries its discriminator, and every reference resolves.
        var kinds = schemas["RoomEvent"]!["discriminator"]!["mapping"]!.AsObject();
        Assert.Equal(18, kinds.Count);
        Assert.All(kinds, k => Assert.Contains("type", schemas[k.Value!.GetValue<string>().Split('/')[^1]]!["required"]!.AsArray().Select(r => r!.GetValue<string>())));
        Assert.All(References(document), r => Assert.NotNull(schemas[r.Split('/')[^1]]));
        Assert.Equal(DebateLimits.ArgumentMaxLength, document["x-limits"]!["argumentMaxLength"]!.GetValue<int>());
        Assert.Equal(DebateLimits.MaxCapacity, document["x-limits"]!["maxCapacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Text_and_numbers_are_described_as_the_server_writes_them()
    {
        var schemas = (await ServedDocumentAsync())["components"]!["schemas"]!;

        Assert.Equal("string", schemas["RoundPlan"]!["properties"]!["title"]!["type"]!.GetValue<string>());
        Assert.Equal(["null", "string"], schemas["RoundPlan"]!["properties"]!["openBrief"]!["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("integer", schemas["RoundPlan"]!["properties"]!["voteSeconds"]!["type"]!.GetValue<string>());
        Assert.Equal("number", schemas["MotionView"]!["properties"]!["forPercent"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/ArgumentView", schemas["ArgumentList"]!["items"]!["$ref"]!.GetValue<string>());
        Assert.Equal("string", schemas["RoundPlan"]!["properties"]!["options"]!["items"]!["type"]!.GetValue<string>());
        Assert.Equal(["for", "against", "undecided"], schemas["MotionChoice"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Empty(Untyped(schemas, "#/components/schemas"));
    }

    /// <summary>Places where a schema says nothing of its values: a property with no type, or a list with no items.</summary>
    private static IEnumerable<string> Untyped(JsonNode? node, string at) => node switch
    {
        JsonObject o when o.Count == 0 || (o.ContainsKey("description") && o.Count == 1) => [at],
        JsonObject o when o["type"] is JsonValue { } t && t.GetValue<string>() == "array" && !o.ContainsKey("items") && !o.ContainsKey("prefixItems") => [at],
        JsonObject o => o.Where(p => p.Key is not ("discriminator" or "mapping" or "required" or "enum" or "x-limits")).SelectMany(p => Untyped(p.Value, $"{at}/{p.Key}")),
        JsonArray a => a.SelectMany((item, i) => Untyped(item, $"{at}/{i}")),
        _ => [],
    };

    private static async Task<JsonNode> ServedDocumentAsync()
    {
        await using var server = new DebateServer();
        using var http = server.CreateClient();
        using var response = await http.GetAsync("/api/openapi/v1.json", Ct);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [p.Value!.GetValue<string>()] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Canonical(JsonNode document) => document.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
}
