namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenClosedDebate.Server.Contract;

public sealed partial class RestAuthorizationTests
{
    // The only API routes a person without an account may use: signing in, creating the first instructor, the
    // address students join at (the projector needs no account), and the API's own OpenAPI document and its
    // rendered reference (every route of the viewer's, under its prefix).
    private static readonly string[] PublicRoutes = ["/api/auth/sign-in", "/api/auth/setup", "/api/join-address", "/api/openapi/{documentName}.json"];

    private static bool IsPublic(string route) =>
        PublicRoutes.Contains(route) || route.StartsWith(Hosting.ApiDocument.ReferencePrefix + "/", StringComparison.Ordinal) || route == Hosting.ApiDocument.ReferencePrefix;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_api_endpoint_but_sign_in_setup_the_join_address_and_the_reference_answers_an_anonymous_caller_with_401()
    {
        await using var server = new DebateServer();
        using var anonymous = server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var endpoints = ApiEndpoints(server).Where(e => !IsPublic(e.Route)).ToList();
        Assert.Contains(endpoints, e => e is { Method: "DELETE", Route: "/api/debates/{id:guid}" });

        var answered = new List<string>();
        foreach (var (method, route) in endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), RouteParameter().Replace(route, Guid.NewGuid().ToString()));
            if (method is "POST" or "PUT")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await anonymous.SendAsync(request, Ct);
            answered.Add($"{method} {route} -> {(int)response.StatusCode}");
        }

        Assert.All(answered, a => Assert.EndsWith("-> 401", a, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Another_instructor_gets_the_same_404_for_someone_elses_debate_as_for_one_that_does_not_exist(string method)
    {
        await using var server = new DebateServer();
        var owner = await server.TeacherAsync();
        var debate = await owner.CreateFromTemplateAsync();
        var other = await server.TeacherAsync("other@example.edu");

        using var toTheirs = DebateRequest(method, debate.Id);
        using var toMissing = DebateRequest(method, Guid.NewGuid());

        using var theirs = await other.Http.SendAsync(toTheirs, Ct);
        using var missing = await other.Http.SendAsync(toMissing, Ct);

        Assert.Equal(await Problem.TitleAsync(missing, HttpStatusCode.NotFound), await Problem.TitleAsync(theirs, HttpStatusCode.NotFound));
        var unchanged = await owner.Http.GetFromJsonAsync<DebateDetail>($"/api/debates/{debate.Id}", Wire.Json, Ct);
        Assert.Equal(debate.Plan.Motion, unchanged!.Plan.Motion);
        Assert.Equal(debate.Status, unchanged.Status);
    }

    [Fact]
    public async Task The_debates_list_shows_only_the_callers_own_debates()
    {
        await using var server = new DebateServer();
        var ada = await server.TeacherAsync("ada@example.edu");
        var ben = await server.TeacherAsync("ben@example.edu");
        var adas = new[] { await ada.CreateFromTemplateAsync(), await ada.CreateAsync(Scenario.OneArgumentRound()) };
        var bens = await ben.CreateAsync(Scenario.OneArgumentRound());

        var adaList = await ada.Http.GetFromJsonAsync<List<DebateListItem>>("/api/debates", Wire.Json, Ct);
        var benList = await ben.Http.GetFromJsonAsync<List<DebateListItem>>("/api/debates", Wire.Json, Ct);

        Assert.Equal(adas.Select(d => d.Id).Order(), adaList!.Select(d => d.Id).Order());
        Assert.Equal(bens.Id, Assert.Single(benList!).Id);
    }

    [Fact]
    public async Task A_forged_auth_cookie_is_answered_with_401()
    {
        await using var server = new DebateServer();
        await server.TeacherAsync();
        using var forger = server.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        forger.DefaultRequestHeaders.Add("Cookie", "ocd.auth=CfDJ8forgedvalue");

        using var response = await forger.GetAsync("/api/debates", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Every API route and method the server maps, read from its routing so a new endpoint is covered.</summary>
    private static IEnumerable<(string Method, string Route)> ApiEndpoints(DebateServer server) =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Route: "/" + e.RoutePattern.RawText!.TrimStart('/'), Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Route.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => (m, e.Route)));

    private static HttpRequestMessage DebateRequest(string method, Guid id) => method switch
    {
        "PUT" => new(HttpMethod.Put, $"/api/debates/{id}/plan") { Content = JsonContent.Create(Scenario.OneArgumentRound(), options: Wire.Json) },
        _ => new(new HttpMethod(method), $"/api/debates/{id}"),
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
