namespace OpenClosedDebate.Server.Tests;

using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

/// <summary>
/// Every JSON example in docs/protocol.md is checked against the contract the server serves (its OpenAPI document):
/// each example says which schema it shows (<c>&lt;!-- schema: JoinResult --&gt;</c> on the line before it), and every
/// property in it must be one the schema has, every required one must be there, and every value must have the
/// schema's type, enum value or format. So an outside client writer never copies a field the server doesn't send.
/// <c>{ "…": "ArgumentView" }</c> stands for an object (or the rest of one) left out, a string ending in <c>…</c> for a
/// value cut short, and <c>"name": { … }</c> for one property's value.
/// </summary>
public sealed partial class ProtocolExampleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_json_example_in_the_protocol_document_fits_the_schema_it_names()
    {
        await using var server = new DebateServer();
        using var http = server.CreateClient();
        var document = JsonNode.Parse(await http.GetStringAsync("/api/openapi/v1.json", Ct))!;
        var examples = Examples(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "protocol.md"), Ct)).ToList();

        var problems = new List<string>();
        foreach (var example in examples)
        {
            if (example.Schema is null)
            {
                problems.Add($"line {example.Line}: no <!-- schema: … --> names what this example shows");
                continue;
            }

            var (name, array, perLine) = Parse(example.Schema);
            var schema = (JsonNode)new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
            if (document["components"]!["schemas"]![name] is null)
            {
                problems.Add($"line {example.Line}: the document has no schema {name}");
                continue;
            }

            if (array)
            {
                schema = new JsonObject { ["type"] = "array", ["items"] = schema };
            }

            foreach (var (text, offset) in perLine ? example.Text.Split('\n').Select((l, i) => (l, i + 1)).Where(l => l.l.Trim().Length > 0) : [(example.Text, 1)])
            {
                JsonNode? value;
                try
                {
                    // A fragment such as "ranking": { … } is one property's value.
                    value = text.TrimStart().StartsWith('"') ? JsonNode.Parse("{" + text + "}")!.AsObject().Single().Value : JsonNode.Parse(text);
                }
                catch (System.Text.Json.JsonException e)
                {
                    problems.Add($"line {example.Line + offset}: not JSON: {e.Message}");
                    continue;
                }

                problems.AddRange(new Checker(document).Problems(value, schema, "$").Select(p => $"line {example.Line + offset} ({example.Schema}): {p}"));
            }
        }

        Assert.True(examples.Count >= 30, $"only {examples.Count} examples found");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_checker_finds_an_unknown_property_a_missing_one_and_a_wrong_type()
    {
        var document = JsonNode.Parse("""
            { "components": { "schemas": {
                "Side": { "enum": ["open", "closed"] },
                "Thing": { "type": "object", "required": ["id", "side"], "properties": {
                    "id": { "type": "string", "format": "uuid" }, "side": { "$ref": "#/components/schemas/Side" },
                    "count": { "type": ["null", "integer"] } } } } } }
            """)!;
        var thing = JsonNode.Parse("""{ "$ref": "#/components/schemas/Thing" }""")!;

        Assert.Empty(new Checker(document).Problems(JsonNode.Parse("""{ "id": "7d1c2b5e-1f4e-4a57-9a43-7e0f1c9b8a11", "side": "open", "count": null }"""), thing, "$"));
        Assert.Equal(
            ["$: missing required id", "$.side: \"left\" is not one of open, closed", "$.count: a string where the schema says null, integer", "$.colour: no such property"],
            new Checker(document).Problems(JsonNode.Parse("""{ "side": "left", "count": "3", "colour": "red" }"""), thing, "$"));
        Assert.Equal(["$.id: \"x\" is not a uuid"], new Checker(document).Problems(JsonNode.Parse("""{ "id": "x", "side": "open" }"""), thing, "$"));
        Assert.Empty(new Checker(document).Problems(JsonNode.Parse("""{ "…": "Thing" }"""), thing, "$"));
    }

    private static (string Name, bool Array, bool PerLine) Parse(string schema)
    {
        var perLine = schema.EndsWith(" per line", StringComparison.Ordinal);
        var name = perLine ? schema[..^" per line".Length] : schema;
        return name.EndsWith("[]", StringComparison.Ordinal) ? (name[..^2], true, perLine) : (name, false, perLine);
    }

    private sealed record Example(int Line, string? Schema, string Text);

    private static IEnumerable<Example> Examples(string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```json")
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            var before = lines.Take(i).LastOrDefault(l => l.Trim().Length > 0) ?? "";
            var named = SchemaComment().Match(before);
            yield return new Example(i + 1, named.Success ? named.Groups[1].Value : null, string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }
    }

    [GeneratedRegex(@"^\s*<!-- schema: (.+?) -->\s*$")]
    private static partial Regex SchemaComment();

    /// <summary>The parts of JSON Schema the server's document uses.</summary>
    private sealed class Checker(JsonNode document)
    {
        public List<string> Problems(JsonNode? value, JsonNode schema, string at)
        {
            var problems = new List<string>();
            Check(value, schema, at, problems);
            return problems;
        }

        private void Check(JsonNode? value, JsonNode schema, string at, List<string> problems)
        {
            if (schema["$ref"] is { } reference)
            {
                Check(value, document["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!, at, problems);
                return;
            }

            // Left out: { "…": "ArgumentView" } for an object or a part of one, "…" (or "8ccecd9f-…") for a value.
            if ((value is JsonObject elided && elided.ContainsKey("…")) || (value is JsonValue cut && cut.TryGetValue<string>(out var shortened) && shortened.EndsWith('…')))
            {
                return;
            }

            if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray alternatives)
            {
                if (schema["discriminator"] is { } discriminator && value is JsonObject tagged
                    && tagged[discriminator["propertyName"]!.GetValue<string>()]?.GetValue<string>() is { } tag)
                {
                    var chosen = discriminator["mapping"]![tag];
                    if (chosen is null)
                    {
                        problems.Add($"{at}: no kind \"{tag}\"");
                        return;
                    }

                    Check(value, new JsonObject { ["$ref"] = chosen.GetValue<string>() }, at, problems);
                    return;
                }

                // "Null or X" with a value: it is X that must fit.
                var tries = alternatives.Where(a => value is null || a!["type"]?.ToString() != "null").Select(a => Problems(value, a!, at)).ToList();
                if (tries.All(t => t.Count > 0))
                {
                    problems.AddRange(tries.OrderBy(t => t.Count).First());
                }

                return;
            }

            if (schema["enum"] is JsonArray allowed)
            {
                if (!allowed.Any(a => JsonNode.DeepEquals(a, value)))
                {
                    problems.Add($"{at}: {value?.ToJsonString() ?? "null"} is not one of {string.Join(", ", allowed.Select(a => a?.ToString() ?? "null"))}");
                }

                return;
            }

            var types = schema["type"] switch
            {
                JsonArray many => many.Select(t => t!.GetValue<string>()).ToList(),
                { } one => [one.GetValue<string>()],
                null => [],
            };
            var kind = KindOf(value);
            if (types.Count > 0 && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
            {
                problems.Add($"{at}: {Article(kind)} where the schema says {string.Join(", ", types)}");
                return;
            }

            switch (value)
            {
                case JsonObject o:
                    var properties = schema["properties"]?.AsObject();
                    foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                    {
                        if (!o.ContainsKey(required))
                        {
                            problems.Add($"{at}: missing required {required}");
                        }
                    }

                    foreach (var (key, item) in o)
                    {
                        if (properties?[key] is { } property)
                        {
                            Check(item, property, $"{at}.{key}", problems);
                        }
                        else if (schema["additionalProperties"] is JsonObject additional)
                        {
                            Check(item, additional, $"{at}.{key}", problems);
                        }
                        else if (properties is not null)
                        {
                            problems.Add($"{at}.{key}: no such property");
                        }
                    }

                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        var itemSchema = schema["prefixItems"]?[i] ?? schema["items"];
                        if (itemSchema is not null)
                        {
                            Check(a[i], itemSchema, $"{at}[{i}]", problems);
                        }
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    var format = schema["format"]?.GetValue<string>();
                    if ((format == "uuid" && !Guid.TryParse(text, out _)) || (format == "date-time" && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _)))
                    {
                        problems.Add($"{at}: \"{text}\" is not a {format}");
                    }

                    break;
            }
        }

        private static string KindOf(JsonNode? value) => value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v when v.TryGetValue<string>(out _) => "string",
            JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
            JsonValue v when v.TryGetValue<long>(out _) => "integer",
            _ => "number",
        };

        private static string Article(string kind) => kind switch
        {
            "null" => "null",
            "integer" or "object" or "array" => $"an {kind}",
            _ => $"a {kind}",
        };
    }
}
