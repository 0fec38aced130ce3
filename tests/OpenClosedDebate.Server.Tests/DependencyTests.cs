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

    [Fact]
    public void What_is_stored_names_no_wire_type_so_a_change_for_clients_cannot_change_stored_data()
    {
        var assembly = typeof(JoinAddresses).Assembly;
        var graph = NamespaceGraph.Of(assembly, "OpenClosedDebate.Server");

        Assert.DoesNotContain("OpenClosedDebate.Server.Contract", graph.Uses["OpenClosedDebate.Server.Persistence"]);
        Assert.Contains("OpenClosedDebate.Server.Json", graph.Uses["OpenClosedDebate.Server.Persistence"]);
    }
}
