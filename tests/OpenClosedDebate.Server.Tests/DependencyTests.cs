namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Server.Hosting;

/// <summary>The server's feature folders depend on each other one way, never in a loop.</summary>
public sealed class DependencyTests(ITestOutputHelper output)
{
    [Fact]
    public void The_servers_namespaces_use_each_other_without_a_cycle()
    {
        var assembly = typeof(JoinAddresses).Assembly;
        var graph = NamespaceGraph.Of(assembly, "OpenClosedDebate.Server");

        var cycles = graph.Cycles();
        foreach (var cycle in cycles)
        {
            output.WriteLine($"Cycle: {string.Join(", ", cycle)}");
            foreach (var from in cycle)
            {
                foreach (var to in graph.Uses[from].Where(cycle.Contains))
                {
                    output.WriteLine($"  {from} → {to}: {string.Join("; ", NamespaceGraph.Reasons(assembly, from, to).Take(6))}");
                }
            }
        }

        Assert.Empty(cycles);
    }
}
