namespace OpenClosedDebate.Cluster.Tests;

using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Connections;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The documented nginx configuration (deploy/nginx.conf) in front of two nodes: browsers spread over the nodes, each
/// keeps to one (so SignalR's negotiation and the connection it opens, even by long polling, meet on the same node),
/// and with <c>Proxy:KnownProxies</c> the nodes count each client by its own address, not nginx's.
/// </summary>
public sealed class NginxTests(PostgresFixture postgres)
{
    private const int Phones = 12;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Through_the_documented_nginx_browsers_spread_over_the_nodes_keep_to_one_each_and_are_counted_by_their_own_address()
    {
        await using var cluster = await TestCluster.StartAsync(postgres, new Dictionary<string, string>
        {
            ["Proxy:KnownProxies:0"] = "127.0.0.1",
            ["RateLimits:SignInsPerMinutePerAddress"] = "3",
        });
        using var nginx = await NginxServer.StartAsync(cluster.A, cluster.B);
        var teacher = await cluster.A.TeacherAsync();
        var debate = await teacher.CreateAsync(TestCluster.OneRound());
        await using var console = await TestCluster.LobbyAsync(cluster.A, teacher, debate.Id);

        // Each phone is a browser of its own, every third connecting by long polling only, one request after another,
        // each of which must reach the node that holds its connection.
        var phones = new List<RoomClient>();
        for (var i = 0; i < Phones; i++)
        {
            var phone = await nginx.BrowserAsync(i % 3 == 0 ? HttpTransportType.LongPolling : HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling);
            await phone.JoinAsync(debate.JoinCode, $"Student {i + 1}");
            phones.Add(phone);
        }

        await console.WaitUntilAsync(v => v.Roster.Count == Phones, "every phone on the roster");
        await console.ControlAsync("Start");
        foreach (var phone in phones)
        {
            await phone.WaitUntilAsync(v => v.Clock?.Phase == Phase.Argue, "the argue phase");
            await phone.PostAsync("Through nginx: open weights let anyone audit a model.");
        }

        await console.WaitUntilAsync(v => v.Arguments.Count == Phones, "every phone's argument");

        // Every request of one browser went to one node, and the browsers went to both.
        var routes = nginx.Routes("/hubs/");
        Assert.DoesNotContain(routes, r => r.Route == "-");
        var byBrowser = routes.GroupBy(r => r.Route).ToList();
        Assert.Equal(Phones, byBrowser.Count);
        Assert.All(byBrowser, browser => Assert.Single(browser.Select(r => r.Node).Distinct()));
        Assert.Equal(2, routes.Select(r => r.Node).Distinct().Count());

        // The nodes count each client by its own address: three wrong sign-ins from 127.0.0.2 use up that address's
        // attempts, and 127.0.0.3 still has all of its own.
        using var fromTwo = ClientFrom("127.0.0.2", nginx.BaseAddress);
        using var fromThree = ClientFrom("127.0.0.3", nginx.BaseAddress);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(fromTwo)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SignInAsync(fromTwo)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(fromThree)).StatusCode);

        foreach (var phone in phones)
        {
            await phone.DisposeAsync();
        }
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient http) =>
        http.PostAsJsonAsync("/api/auth/sign-in", new Credentials("nobody@example.edu", "a guess"), Wire.Json, Ct);

    /// <summary>An HTTP client whose connections leave from <paramref name="address"/> (any of 127.0.0.0/8 on Linux).</summary>
    private static HttpClient ClientFrom(string address, Uri baseAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, ct) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(address), 0));
            await socket.ConnectAsync(context.DnsEndPoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    { BaseAddress = baseAddress };
}
