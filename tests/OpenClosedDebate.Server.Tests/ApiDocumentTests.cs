namespace OpenClosedDebate.Server.Tests;

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

/// <summary>The REST reference at /api/openapi/v1.json is made from the endpoints, so it names every one of them.</summary>
public sealed partial class ApiDocumentTests
{
    [Fact]
    public async Task The_openapi_document_lists_every_rest_endpoint_with_its_methods()
    {
        await using var server = new DebateServer();
        using var http = server.CreateClient();

        using var response = await http.GetAsync("/api/openapi/v1.json", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(method => $"{method.Key.ToUpperInvariant()} {path.Key}"))
            .ToHashSet(StringComparer.Ordinal);

        var mapped = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } route && route.StartsWith("/api/", StringComparison.Ordinal) && !route.StartsWith("/api/openapi/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {WithoutConstraints(e.RoutePattern.RawText!)}"))
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal("OpenClosedDebate REST API", document["info"]!["title"]!.GetValue<string>());
        Assert.All(mapped, endpoint => Assert.Contains(endpoint, documented));
    }

    [Fact]
    public async Task The_reference_page_runs_only_its_own_scripts_and_reads_the_document_from_this_server()
    {
        await using var server = new DebateServer();
        using var http = server.CreateClient();

        using var page = await http.GetAsync("/api/openapi/reference/v1", TestContext.Current.CancellationToken);
        page.EnsureSuccessStatusCode();
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = Nonce().Match(policy).Groups[1].Value;

        Assert.NotEmpty(nonce);
        var scriptSource = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal($"script-src 'self' 'nonce-{nonce}'", scriptSource);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        var scripts = ScriptNonce().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(3, scripts.Count);
        Assert.All(scripts, n => Assert.Equal(nonce, n));
        Assert.Contains("\"url\":\"api/openapi/v1.json\"", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        // A second page gets a nonce of its own.
        using var again = await http.GetAsync("/api/openapi/reference/v1", TestContext.Current.CancellationToken);
        Assert.NotEqual(nonce, Nonce().Match(again.Headers.GetValues("Content-Security-Policy").Single()).Groups[1].Value);

        // The viewer's script is served from the package, not fetched from elsewhere.
        using var script = await http.GetAsync("/api/openapi/reference/scalar.js", TestContext.Current.CancellationToken);
        script.EnsureSuccessStatusCode();
        Assert.Contains("javascript", script.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("'nonce-([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex Nonce();

    [System.Text.RegularExpressions.GeneratedRegex("<script[^>]*nonce=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ScriptNonce();

    // OpenAPI paths name parameters without their route constraints: {id:guid} is {id}.
    private static string WithoutConstraints(string route) => Parameter().Replace(route, "{$1}");

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Parameter();
}
