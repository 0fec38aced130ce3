namespace OpenClosedDebate.Hardening.Tests;

using System.Text;

/// <summary>Who sends a fuzzed REST request: nobody signed in, the owner of the debates, or another instructor.</summary>
internal enum RestClient
{
    Anonymous,
    Owner,
    Other,
}

/// <summary>One fuzzed REST request, and the endpoint of protocol §5 it was made from.</summary>
internal sealed record RestRequest(RestClient Client, string Method, string Path, string Endpoint, byte[]? Body, string? ContentType, (string Name, string Value)[] Headers)
{
    public override string ToString()
    {
        var body = Body is null ? "no body" : $"{Body.Length:N0} bytes: {new RawJson(Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 4_000)]))}";
        var headers = string.Concat(Headers.Select(h => $", {h.Name}: {h.Value}"));
        var path = Path.Length <= 300 ? Path : $"{Path[..200]}…[{Path.Length:N0} chars]";
        return $"{Method} {path} as {Client}, Content-Type: {ContentType ?? "none"}{headers}, {body}";
    }
}

/// <summary>
/// Makes fuzzed requests to every REST endpoint of protocol §5: the right method or any other, real, foreign,
/// random or malformed ids in the route, junk in the query, bodies that are nearly right, malformed, deeply
/// nested or 2 MB long, under the right content type or a wrong one, and now and then from another site.
/// </summary>
internal sealed class RestFuzzRequests(FuzzJson json, Uri server, Guid[] debates, Guid[] participants, string[] emails)
{
    // Method, route template and the kind of body each endpoint reads.
    private static readonly (string Method, string Route, string Body)[] Endpoints =
    [
        ("POST", "/api/auth/sign-in", "credentials"), ("POST", "/api/auth/sign-out", ""), ("GET", "/api/auth/me", ""),
        ("GET", "/api/auth/setup", ""), ("POST", "/api/auth/setup", "setup"), ("GET", "/api/templates", ""),
        ("GET", "/api/debates", ""), ("POST", "/api/debates", "create"), ("POST", "/api/debates/{id}/duplicate", ""), ("GET", "/api/debates/{id}", ""),
        ("PUT", "/api/debates/{id}/plan", "plan"), ("DELETE", "/api/debates/{id}", ""), ("GET", "/api/debates/{id}/comparison", ""),
        ("GET", "/api/debates/{id}/review", ""), ("GET", "/api/debates/{id}/export/transcript.md", ""),
        ("GET", "/api/debates/{id}/export/arguments.csv", ""), ("GET", "/api/debates/{id}/export/ballots.csv", ""),
        ("GET", "/api/debates/{id}/export/debate.json", ""), ("POST", "/api/debates/{id}/participants/{pid}/erase", ""),
        ("GET", "/healthz", ""),
    ];

    private static readonly string LongPassword = Secret(new string('p', 10_000));

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FUZZ"];

    private static readonly string[] BadIds =
    [
        "xyz", "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000", "%00", "..", "%2F", "ü", "-1",
        "{0965ee6a-1710-4b7b-88ef-eadc8da79e40}", "0965EE6A17104B7B88EFEADC8DA79E40", new string('9', 2_000),
    ];

    private static readonly string[] Queries =
    [
        "?share=true", "?share=false", "?share=maybe", "?share=", "?share=true&share=false", "?share=%00", "?share=1", "?a[b]=c&%zz",
        "?" + new string('q', 3_000), "?share=true#fragment",
    ];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16",
        "application/json; charset=bogus", "application/problem+json", "*/*", "application/json; foo=bar", "application/jsonx",
    ];

    private static readonly string[] Enums = ["\"argument\"", "\"ranking\"", "\"motionVote\"", "\"Argument\"", "\"debate\"", "0", "1", "2", "99", "-1", "null", "\"\""];

    /// <summary>One request; <paramref name="deletes"/> says whether a DELETE may name a real debate.</summary>
    public RestRequest Next(bool deletes)
    {
        var (method, route, body) = json.Pick(Endpoints);
        var client = json.Random.Next(10) switch { < 3 => RestClient.Anonymous, < 8 => RestClient.Owner, _ => RestClient.Other };
        method = json.Chance(0.85) ? method : json.Pick(Methods);
        var real = deletes || method != "DELETE";
        var path = route.Replace("{id}", Id(debates, real), StringComparison.Ordinal).Replace("{pid}", Id(participants, true), StringComparison.Ordinal);
        path = json.Random.Next(20) switch
        {
            0 => path.ToUpperInvariant(),
            1 => path + "/",
            2 => path.Replace("/api/", "/api//", StringComparison.Ordinal),
            3 => path + "/../../auth/me",
            _ => path,
        };
        if (json.Chance(0.25))
        {
            path += json.Pick(Queries);
        }

        var (bytes, type) = Body(body);
        (string Name, string Value)[] headers = json.Random.Next(20) switch
        {
            0 or 1 => [("Origin", "https://evil.example")],
            2 => [("Origin", "null")],
            3 => [("Sec-Fetch-Site", "cross-site")],
            4 => [("Origin", server.GetLeftPart(UriPartial.Authority))],
            5 => [("Accept", "text/html;q=0.1, */*;q=junk")],
            _ => [],
        };
        return new RestRequest(client, method, path, $"{method} {route}", bytes, type, headers);
    }

    private string Id(Guid[] real, bool useReal) => json.Random.Next(10) switch
    {
        < 6 when useReal && real.Length > 0 => json.Pick(real).ToString(),
        6 => json.NewGuid().ToString(),
        7 => json.NewGuid().ToString("D").ToUpperInvariant(),
        _ => Uri.EscapeDataString(json.Pick(BadIds)),
    };

    private (byte[]? Bytes, string? Type) Body(string kind)
    {
        var text = json.Random.Next(20) switch
        {
            0 => json.Value(),
            1 => Cut(Plan()),
            2 => "",
            3 => new string('[', 10_000) + new string(']', 10_000),
            4 when json.Chance(0.3) => $"{{\"plan\":{{\"motion\":\"{new string('m', 2 * 1024 * 1024)}\",\"rounds\":[]}}}}",
            5 => "\uFEFF" + Shaped(kind),
            _ => Shaped(kind),
        };
        if (kind.Length == 0 && json.Chance(0.7))
        {
            return (null, null);
        }

        var bytes = json.Random.Next(30) switch
        {
            0 => Encoding.Unicode.GetBytes(text),
            1 => [0xFF, 0xFE, 0xC0, 0x80, .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
        return (bytes, json.Random.Next(10) switch { < 7 => "application/json", 7 => null, _ => json.Pick(ContentTypes) });
    }

    private static string Secret(string password)
    {
        Ledger.Secret(password);
        return password;
    }

    // Malformed JSON: a body cut off early.
    private string Cut(string text) => text[..Math.Min(text.Length - 1, json.Random.Next(1, 40))];

    private string Shaped(string kind) => kind switch
    {
        "credentials" => json.Object([("email", Email()), ("password", Password())]),
        "setup" => json.Object([("token", json.Chance(0.5) ? FuzzJson.Quote(Convert.ToHexStringLower(json.NewGuid().ToByteArray())) : Text()), ("email", Email()), ("password", Password())]),
        "create" => json.Object([("templateId", json.Pick(["\"open-and-closed-models\"", "\"nope\"", "null", Text()])), ("plan", json.Chance(0.8) ? Plan() : json.Value())]),
        "plan" => Plan(),
        _ => json.Value(),
    };

    private string Email() => json.Random.Next(6) switch
    {
        < 2 => FuzzJson.Quote(json.Pick(emails)),
        2 => FuzzJson.Quote(json.Pick(emails).ToUpperInvariant()),
        3 => FuzzJson.Quote("nobody@example.edu"),
        _ => Text(),
    };

    // Never the real password: wrong ones lock the account, which is an answer worth fuzzing too.
    private string Password() => json.Chance(0.2) ? FuzzJson.Quote(LongPassword) : Text();

    private string Text() => json.Chance(0.9) ? FuzzJson.Quote(json.Text()) : json.Value(1);

    private string Plan() => json.Object(
    [
        ("motion", Text()),
        ("rounds", json.Chance(0.05) ? json.Array(Round, 40) : json.Chance(0.9) ? json.Array(Round, 4) : json.Value(1)),
        ("settings", json.Chance(0.2) ? json.Value(1) : json.Object(
        [
            ("sideAssignment", json.Pick(["\"balancedRandom\"", "\"devilsAdvocate\"", "\"manual\"", "7", "\"chaos\""])),
            ("visibility", json.Pick(["\"everyone\"", "\"ownSide\"", "\"nobody\"", "3", "null"])),
            ("tallyMethod", json.Pick(["\"borda\"", "\"schulze\"", "\"instantRunoff\"", "\"dictator\"", "-1"])),
            ("maxRankedItems", json.Number()),
            ("anonymous", json.Pick(["true", "false", "\"yes\"", "null"])),
        ])),
        ("preReading", json.Array(() => json.Object([("title", Text()), ("url", json.Pick(["\"https://example.com/a\"", "\"javascript:alert(1)\"", "\"http://[::1\"", "\"//evil\"", Text()]))]), 12)),
    ]);

    private string Round() => json.Object(
    [
        ("title", Text()), ("prompt", Text()), ("kind", json.Pick(Enums)),
        ("openBrief", json.Chance(0.5) ? "null" : Text()), ("scenario", json.Pick(["\"closed\"", "\"architectureOnly\"", "\"secret\"", "99", "null"])),
        ("argueSeconds", json.Number()), ("voteSeconds", json.Number()), ("resultsSeconds", json.Chance(0.5) ? "null" : json.Number()),
        ("options", json.Array(Text, 14)),
    ]);
}
