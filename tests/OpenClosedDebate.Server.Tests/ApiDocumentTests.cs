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

    // OpenAPI paths name parameters without their route constraints: {id:guid} is {id}.
    private static string WithoutConstraints(string route) => Parameter().Replace(route, "{$1}");

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Parameter();
}
