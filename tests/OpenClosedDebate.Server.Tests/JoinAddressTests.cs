namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Network;

/// <summary>
/// The addresses phones can join at, as the built server logs them at start-up and offers them through
/// GET /api/join-address, run as a real process listening as an administrator would make it listen.
/// </summary>
public sealed class JoinAddressTests : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("ocd-join-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "debates.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>This machine's IPv4 addresses phones can reach, read the way the server reads them.</summary>
    private static List<IPAddress> NetworkAddresses() =>
        [.. new LocalNetwork().Reachable.Select(a => a.Address).Where(a => a.AddressFamily == AddressFamily.InterNetwork)];

    [Fact]
    public async Task Listening_on_every_interface_logs_each_network_address_and_offers_them_to_a_console_on_localhost()
    {
        var addresses = NetworkAddresses();
        Assert.True(addresses.Count > 0, "This test needs a machine with a network address.");
        var port = Ports.Free();
        using var server = await StartAsync(port, ["--urls", $"http://0.0.0.0:{port}"]);
        using var http = Client(port);
        var expected = addresses.Select(a => $"http://{a}:{port}").ToList();

        var view = await http.GetFromJsonAsync<JoinAddressView>("/api/join-address", Wire.Json, Ct);

        Assert.Equal(JoinAddressSource.Network, view!.Source);
        Assert.Equal(expected[0], view.Url);
        Assert.Equal(expected, view.NetworkUrls);
        Assert.Null(view.Problem);
        foreach (var url in expected)
        {
            await server.PollUntilAsync(() => Task.FromResult(server.Stdout.Contains($"Phones on this computer's network can join at {url}", StringComparison.Ordinal)), $"{url} in the log", ProcessTimeout);
        }

        Assert.DoesNotContain("Phones can't reach this server", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_opened_at_the_network_address_passes_the_host_filter_and_origin_check_and_shows_its_own_address()
    {
        var address = NetworkAddresses().FirstOrDefault();
        Assert.True(address is not null, "This test needs a machine with a network address.");
        var port = Ports.Free();
        using var server = await StartAsync(port, ["--urls", $"http://0.0.0.0:{port}"]);
        using var http = new HttpClient { BaseAddress = new Uri($"http://{address}:{port}"), Timeout = TimeSpan.FromSeconds(5) };

        var view = await http.GetFromJsonAsync<JoinAddressView>("/api/join-address", Wire.Json, Ct);
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/debate/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", $"http://{address}:{port}");
        using var hub = await http.SendAsync(negotiate, Ct);

        Assert.Equal(JoinAddressSource.Page, view!.Source);
        Assert.Null(view.Url);
        Assert.Empty(view.NetworkUrls);
        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
    }

    [Fact]
    public async Task Listening_on_localhost_only_warns_that_phones_cannot_reach_it_and_offers_no_address()
    {
        var port = Ports.Free();
        using var server = await StartAsync(port, ["--urls", $"http://localhost:{port}"]);
        using var http = Client(port);

        var view = await http.GetFromJsonAsync<JoinAddressView>("/api/join-address", Wire.Json, Ct);

        Assert.Equal(JoinAddressSource.None, view!.Source);
        Assert.Null(view.Url);
        Assert.Empty(view.NetworkUrls);
        Assert.Equal(JoinAddressProblem.LocalOnly, view.Problem);
        await server.PollUntilAsync(
            () => Task.FromResult(server.Stdout.Contains("Phones can't reach this server: it listens only on this computer", StringComparison.Ordinal)), "the warning in the log", ProcessTimeout);
        Assert.Contains("--urls http://0.0.0.0:5080", server.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("can join at", server.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicUrl_is_logged_and_offered_to_every_page_and_its_origin_may_open_the_hub()
    {
        var port = Ports.Free();
        using var server = await StartAsync(port, ["--urls", $"http://127.0.0.1:{port}", "--PublicUrl", "https://debate.school.edu/"]);
        using var http = Client(port);

        var view = await http.GetFromJsonAsync<JoinAddressView>("/api/join-address", Wire.Json, Ct);
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/debate/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://debate.school.edu");
        using var hub = await http.SendAsync(negotiate, Ct);
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        proxied.Headers.Host = "debate.school.edu";
        using var named = await http.SendAsync(proxied, Ct);

        Assert.Equal(JoinAddressSource.PublicUrl, view!.Source);
        Assert.Equal("https://debate.school.edu", view.Url);
        Assert.Empty(view.NetworkUrls);
        Assert.Null(view.Problem);
        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        await server.PollUntilAsync(
            () => Task.FromResult(server.Stdout.Contains("Students join at https://debate.school.edu (the PublicUrl setting)", StringComparison.Ordinal)), "PublicUrl in the log", ProcessTimeout);
        Assert.DoesNotContain("Phones can't reach this server", server.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("debate.school.edu")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("https://debate.school.edu/debates")]
    [InlineData("https://debate.school.edu/?room=1")]
    [InlineData("ftp://debate.school.edu")]
    public async Task A_PublicUrl_phones_cannot_use_stops_the_server_with_a_message_naming_the_setting(string value)
    {
        var port = Ports.Free();
        using var server = ServerProcess.Start(_folder, DatabaseFile, ["--urls", $"http://127.0.0.1:{port}"], settings: new Dictionary<string, string> { ["PublicUrl"] = value });

        await server.PollUntilAsync(() => Task.FromResult(server.HasExited), "the server to stop", ProcessTimeout);

        Assert.Contains("PublicUrl must be the address phones use", server.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing its files; the temp folder is cleaned up by the system later.
        }
    }

    private static HttpClient Client(int port) => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };

    private async Task<ServerProcess> StartAsync(int port, string[] args)
    {
        var server = ServerProcess.Start(_folder, DatabaseFile, args);
        using var http = Client(port);
        await server.PollUntilAsync(async () => (await InstructorCliTests.TryGetAsync(http, "/healthz")) == HttpStatusCode.OK, "GET /healthz to answer 200", ProcessTimeout);
        return server;
    }
}
