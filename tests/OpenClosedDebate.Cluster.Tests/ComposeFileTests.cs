namespace OpenClosedDebate.Cluster.Tests;

using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

/// <summary>
/// deploy/compose.yaml runs its nodes as the cluster tests run theirs: every setting a test node needs is set on each
/// of its nodes, pointing at the compose file's own PostgreSQL, Redis and nginx, and its nginx runs deploy/nginx.conf
/// unchanged, whose upstream is exactly its nodes on the port the image listens on. (Docker itself can't run here.)
/// </summary>
public sealed partial class ComposeFileTests
{
    [Fact]
    public void The_compose_files_nodes_have_every_setting_the_test_nodes_have_and_nginx_runs_the_documented_configuration()
    {
        var compose = Load(Path.Combine(Repository.Root, "deploy", "compose.yaml"));
        var services = Map(compose["services"]);
        string Address(string service) => (string)Map(Map(Map(services[service])["networks"])["debate"])["ipv4_address"];

        var nodes = services.Keys.Cast<string>().Where(k => k.StartsWith("node", StringComparison.Ordinal)).Order().ToList();
        Assert.Equal(3, nodes.Count);
        var needed = PostgresCluster.NodeSettings("Host=db;Database=d", "redis:6379", "id").Keys.Select(k => k.Replace(":", "__", StringComparison.Ordinal)).ToList();
        foreach (var node in nodes)
        {
            var environment = Map(Map(services[node])["environment"]).ToDictionary(e => (string)e.Key, e => (string)e.Value);
            Assert.All(needed, key => Assert.True(environment.ContainsKey(key), $"{node} lacks {key}, which every test node has."));
            Assert.Equal("postgres", environment["Persistence__Provider"]);
            Assert.Equal("true", environment["Cluster__Enabled"]);
            Assert.Contains($"Host={Address("postgres")};", environment["ConnectionStrings__Debates"], StringComparison.Ordinal);
            Assert.Equal($"{Address("redis")}:6379", environment["Cluster__Redis"]);
            Assert.Equal(Address(node), environment["Cluster__AdvertisedAddress"]);
            Assert.Equal(Address("nginx"), environment["Proxy__KnownProxies__0"]);
        }

        // nginx runs the documented file as it is; its upstream is the nodes, on the port the image's server listens on.
        Assert.Contains("./nginx.conf:/etc/nginx/nginx.conf:ro", ((List<object>)Map(services["nginx"])["volumes"]).Cast<string>());
        var port = HttpPorts().Match(File.ReadAllText(Path.Combine(Repository.Root, "Dockerfile"))).Groups[1].Value;
        var upstream = Upstream().Matches(File.ReadAllText(Path.Combine(Repository.Root, "deploy", "nginx.conf"))).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(nodes.Select(n => $"{Address(n)}:{port}"), upstream);
    }

    private static Dictionary<object, object> Load(string path)
    {
        using var reader = new StreamReader(path);
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }

    private static Dictionary<object, object> Map(object value) => (Dictionary<object, object>)value;

    [GeneratedRegex(@"ASPNETCORE_HTTP_PORTS=(\d+)")]
    private static partial Regex HttpPorts();

    [GeneratedRegex(@"^\s*server (\d+\.\d+\.\d+\.\d+:\d+)", RegexOptions.Multiline)]
    private static partial Regex Upstream();
}
