namespace OpenClosedDebate.Hardening.Tests;

using System.Globalization;
using System.Text;

/// <summary>
/// Random JSON text aimed at a server's edges, all drawn from one seeded <see cref="System.Random"/> so a
/// run can be replayed: strings with control characters, lone surrogates, bidi overrides and thousands of
/// combining marks, strings up to just under the hub's 64 KB message limit, numbers no int holds, GUIDs
/// in every spelling, properties missing, given twice or unknown, and values nested deep. Every string it
/// can produce is given to <see cref="Ledger"/>, since any of them may be sent as a name, an argument or a password.
/// </summary>
internal sealed class FuzzJson
{
    private static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "2", "5", "30", "1800", "1801", "2147483647", "-2147483648", "2147483648", "-2147483649",
        "9223372036854775808", "1e3", "1.5", "-1e-7", "1e400", "99999999999999999999999999999999",
    ];

    // Property names a serializer might treat specially.
    private static readonly string[] OddNames = ["extra", "$type", "$id", "$ref", "$values", "__proto__", "constructor", "", "ÿ", "\u0000"];

    private readonly string[] _texts;

    public FuzzJson(Random random)
    {
        Random = random;
        _texts = [.. Texts(random)];
        foreach (var text in _texts)
        {
            Ledger.Secret(text);
        }
    }

    public Random Random { get; }

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    /// <summary>A junk string, not yet quoted.</summary>
    public string Text() => Pick(_texts);

    /// <summary>A JSON number: in range, out of int's range, fractional or beyond a double.</summary>
    public string Number() => Pick(Numbers);

    /// <summary>A GUID drawn from the seed, so a replay sends the same ones.</summary>
    public Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>A GUID as a JSON string, usually as the server writes them, sometimes spelled some other way.</summary>
    public string Guid(Guid id) => Quote(Random.Next(24) switch
    {
        0 => id.ToString("D").ToUpperInvariant(),
        1 => id.ToString("N"),
        2 => id.ToString("B"),
        3 => $" {id} ",
        4 => id.ToString()[..35],
        5 => id + "0",
        _ => id.ToString(),
    });

    /// <summary>Any JSON value; arrays and objects nest up to <paramref name="depth"/> levels.</summary>
    public string Value(int depth = 3) => Random.Next(depth > 0 ? 10 : 6) switch
    {
        0 => "null",
        1 => Chance(0.5) ? "true" : "false",
        2 => Number(),
        3 or 4 => Quote(Text()),
        5 => Guid(NewGuid()),
        6 or 7 => Array(() => Value(depth - 1), 6),
        8 => Object(Enumerable.Range(0, Random.Next(4)).Select(_ => (Pick(OddNames), Value(depth - 1)))),
        _ => Deep(Random.Next(2, 40)),
    };

    /// <summary>A JSON array of up to <paramref name="most"/> items.</summary>
    public string Array(Func<string> item, int most) =>
        "[" + string.Join(",", Enumerable.Range(0, Random.Next(most + 1)).Select(_ => item())) + "]";

    /// <summary>
    /// A JSON object with these properties, each now and then left out, spelled in capitals or given twice,
    /// and now and then an unknown property besides.
    /// </summary>
    public string Object(IEnumerable<(string Name, string Value)> properties)
    {
        var parts = new List<string>();
        foreach (var (name, value) in properties)
        {
            if (Chance(0.08))
            {
                continue;
            }

            parts.Add($"{Quote(Chance(0.1) ? name.ToUpperInvariant() : name)}:{value}");
            if (Chance(0.03))
            {
                parts.Add($"{Quote(name)}:{Value(1)}");
            }
        }

        if (Chance(0.1))
        {
            parts.Insert(Random.Next(parts.Count + 1), $"{Quote(Pick(OddNames))}:{Value(1)}");
        }

        return "{" + string.Join(",", parts) + "}";
    }

    /// <summary>Arrays and objects nested <paramref name="depth"/> deep.</summary>
    public string Deep(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append(i % 2 == 0 ? "[" : "{\"a\":");
        }

        text.Append(Value(0));
        for (var i = depth - 1; i >= 0; i--)
        {
            text.Append(i % 2 == 0 ? "]" : "}");
        }

        return text.ToString();
    }

    /// <summary>
    /// A JSON string literal. Surrogates are written as \u escapes, so a lone one reaches the server as
    /// the escape a hostile client would send; other characters beyond ASCII go as UTF-8.
    /// </summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                < ' ' or (>= '\uD800' and <= '\uDFFF') => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }

    private static IEnumerable<string> Texts(Random random)
    {
        string[] edges =
        [
            "", " ", "\t\n\r ", "\0", "a", "Ada", "nul\u0000in the middle", "bell\u0007 and escape \u001b[31mred",
            "\u202Eright-to-left override\u202C", "zero\u200Bwidth\u200Djoiner\uFEFF", "\uD800", "lone low \uDFFF here",
            "\uDC00\uD800 reversed pair", "e\u0301\u0301\u0301\u0301", "👩‍👩‍👧‍👦 a family, one grapheme", "مرحبا بالعالم",
            "null", "true", "5", "-1", "NaN", "{0} {1} {JoinCode} %s %n %d", "<script>alert(1)</script>",
            "'; DROP TABLE DebateEvents; --", "=HYPERLINK(\"http://example.com\")", "../../../../etc/passwd",
            "option-1", "for", "against", "undecided", "37J-PZA", "zzzzzz", new string('x', 40), new string('x', 41),
            new string('r', 64), new string('r', 65), new string('t', 128), new string('t', 129), new string('h', 200), new string('h', 201),
            string.Concat(Enumerable.Repeat("😀", 1000)), string.Concat(Enumerable.Repeat("😀", 1001)), "e" + new string('\u0301', 9000),
            new string('\u0000', 300), new string(' ', 5000),
        ];
        foreach (var edge in edges)
        {
            yield return edge;
        }

        for (var i = 0; i < 150; i++)
        {
            yield return Scrawl(random, random.Next(1, 120), surrogates: i % 3 == 0);
        }

        foreach (var length in new[] { 999, 1000, 1001, 2000, 4097, 20_000, 45_000, 64_000 })
        {
            yield return Words(random, length);
        }
    }

    // Any character at all, control characters included, and unpaired surrogates if asked for.
    private static string Scrawl(Random random, int length, bool surrogates)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(8) switch
            {
                0 => (char)random.Next(0, 0x20),
                1 when surrogates => (char)random.Next(0xD800, 0xE000),
                2 => (char)random.Next(0x80, 0xD800),
                3 => (char)random.Next(0xE000, 0x10000),
                _ => (char)random.Next(0x20, 0x7F),
            });
        }

        return text.ToString();
    }

    // Plain ASCII, so its length on the wire is its length in characters.
    private static string Words(Random random, int length)
    {
        var text = new StringBuilder(length + 12);
        while (text.Length < length)
        {
            text.Append(CultureInfo.InvariantCulture, $"w{random.Next(1_000_000):x} ");
        }

        return text.ToString(0, length);
    }
}
