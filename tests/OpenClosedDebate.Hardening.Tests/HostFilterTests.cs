namespace OpenClosedDebate.Hardening.Tests;

using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

/// <summary>Only this machine's own names and addresses are answered, so a DNS-rebinding page gets nothing.</summary>
public sealed class HostFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_request_for_a_foreign_host_is_refused_while_localhost_and_the_machines_own_addresses_are_answered()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string> { ["Security:AllowedOrigins:0"] = "https://debate.example.edu" });
        var teacher = await server.TeacherAsync();
        using var http = server.Http();

        async Task<HttpStatusCode> AsHostAsync(HttpClient client, HttpMethod method, string path, string host, string? origin = null, HttpContent? body = null)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body };
            request.Headers.Host = host;
            if (origin is not null)
            {
                request.Headers.TryAddWithoutValidation("Origin", origin);
            }

            using var response = await client.SendAsync(request, Ct);
            return response.StatusCode;
        }

        // A rebinding page: its name, its origin, this server's address.
        Assert.Equal(HttpStatusCode.BadRequest, await AsHostAsync(http, HttpMethod.Get, "/", "evil.example"));
        Assert.Equal(HttpStatusCode.BadRequest, await AsHostAsync(http, HttpMethod.Post, "/hubs/debate/negotiate?negotiateVersion=1", $"evil.example:{server.Port}", $"http://evil.example:{server.Port}"));
        Assert.Equal(HttpStatusCode.BadRequest, await AsHostAsync(teacher.Http, HttpMethod.Post, "/api/debates", $"evil.example:{server.Port}", $"http://evil.example:{server.Port}", JsonContent("{\"templateId\":\"open-and-closed-models\"}")));

        // The machine itself, by every name a class would use, and a configured public origin's host.
        var lan = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        var hosts = new List<string> { $"127.0.0.1:{server.Port}", $"localhost:{server.Port}", $"[::1]:{server.Port}", $"{Dns.GetHostName()}:{server.Port}", "debate.example.edu" };
        if (lan is not null)
        {
            hosts.Add($"{lan}:{server.Port}");
        }

        foreach (var host in hosts)
        {
            Assert.Equal(HttpStatusCode.OK, await AsHostAsync(http, HttpMethod.Get, "/healthz", host));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"evil.example refused (page, hub negotiate, REST with the instructor's cookie); answered: {string.Join(", ", hosts)}.");
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
