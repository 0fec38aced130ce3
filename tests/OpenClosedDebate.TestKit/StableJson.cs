namespace OpenClosedDebate.TestKit;

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

/// <summary>
/// Makes what a real server answered fit to commit as a golden file: the values it draws at random (ids, join codes,
/// resume tokens, receipts, pseudonyms, feeds, trace ids) are replaced with stand-ins that are the same on every run, chosen by the order
/// in which each value first appears. One value always gets the same stand-in, so an argument's <c>authorId</c> still
/// matches the student's <c>participantId</c>. Flush numbers get one stand-in (<see cref="FlushStandIn"/>). Times need nothing: the in-process server runs on a fake clock.
/// Use one instance for everything captured from one server, so its stand-ins agree across answers.
/// </summary>
public sealed class StableJson
{
    private const string Codes = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const string Hex = "0123456789abcdef";
    private const string Base64Url = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly string[] Pseudonyms = ["Amber Badger", "Bold Crane", "Calm Dolphin", "Daring Eagle", "Eager Falcon", "Gentle Heron", "Keen Lynx", "Lucky Otter"];

    /// <summary>Properties whose string values are drawn at random, and how to make the n-th stand-in of each, in the value's own alphabet.</summary>
    private static readonly Dictionary<string, Func<int, string>> Drawn = new(StringComparer.Ordinal)
    {
        ["joinCode"] = n => Letters("join code", n, Codes, 6),
        ["resumeToken"] = n => Letters("resume token", n, Base64Url, 43),
        ["joinSecret"] = n => Letters("join secret", n, Base64Url, 43),
        ["receipt"] = n => Letters("receipt", n, Codes, 4) + "-" + Letters("receipt tail", n, Codes, 4),
        ["feed"] = n => Letters("feed", n, Hex, 8),
        ["traceId"] = n => $"00-{Letters("trace", n, Hex, 32)}-{Letters("span", n, Hex, 16)}-00",
        ["pseudonym"] = n => Pseudonyms[(n - 1) % Pseudonyms.Length] + (n > Pseudonyms.Length ? $" {((n - 1) / Pseudonyms.Length) + 1}" : ""),
    };

    private readonly Dictionary<string, string> _standIns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _drawnCounts = new(StringComparer.Ordinal);
    private int _ids;

    /// <summary>
    /// Says that <paramref name="value"/> is a drawn value of the kind <paramref name="property"/> names, wherever it
    /// appears: a pseudonym, say, also shows as an argument's <c>authorName</c>. Register values in a fixed order
    /// (students in join order) so each gets the same stand-in on every run.
    /// </summary>
    public void Register(string property, string value) => StandIn(value, property);

    /// <summary>A copy of <paramref name="node"/> with every drawn value replaced by its stand-in.</summary>
    public JsonNode? Apply(JsonNode? node)
    {
        var copy = node?.DeepClone();
        return copy is JsonValue ? Replaced(copy, property: null) : Walk(copy);
    }

    private JsonNode? Walk(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    if (o[name] is JsonValue value)
                    {
                        o[name] = Replaced(value, name);
                    }
                    else
                    {
                        Walk(o[name]);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue value)
                    {
                        a[i] = Replaced(value, property: null);
                    }
                    else
                    {
                        Walk(a[i]);
                    }
                }

                break;
        }

        return node;
    }

    /// <summary>
    /// How many numbered updates a group had before a snapshot or heartbeat depends on how the server's flushes happened
    /// to coalesce, which differs between runs; every such number is shown as this.
    /// </summary>
    public const long FlushStandIn = 1;

    private JsonNode Replaced(JsonNode value, string? property) => value.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => JsonValue.Create(StandIn(value.GetValue<string>(), property)),
        System.Text.Json.JsonValueKind.Number when property == "flush" => JsonValue.Create(FlushStandIn),
        _ => value.DeepClone(),
    };

    private string StandIn(string text, string? property)
    {
        if (_standIns.TryGetValue(text, out var known))
        {
            return known;
        }

        if (Guid.TryParseExact(text, "D", out _))
        {
            return _standIns[text] = StableGuid(++_ids).ToString();
        }

        if (property is not null && Drawn.TryGetValue(property, out var make))
        {
            var n = _drawnCounts[property] = _drawnCounts.GetValueOrDefault(property) + 1;
            return _standIns[text] = make(n);
        }

        return text;
    }

    private static string Letters(string kind, int n, string alphabet, int length)
    {
        var bytes = SHA512.HashData(Encoding.UTF8.GetBytes($"stand-in {kind} {n}"));
        return string.Concat(bytes.Take(length).Select(b => alphabet[b % alphabet.Length]));
    }

    /// <summary>A version-4 shaped id made from its number, so stand-ins look like the ids a server sends.</summary>
    private static Guid StableGuid(int n)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"stand-in {n}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
