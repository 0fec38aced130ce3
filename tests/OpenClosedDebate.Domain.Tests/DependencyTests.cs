namespace OpenClosedDebate.Domain.Tests;

using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// The domain is pure: it references no package, and nothing in it, method bodies included, names a type that does
/// I/O or reads the clock. Read from the compiled assembly's own metadata, so a new `using` can't slip past.
/// </summary>
public sealed class DependencyTests
{
    // Namespaces whose types reach outside the process: files, the network, databases, processes, logging.
    private static readonly string[] IoNamespaces =
    [
        "System.IO", "System.Net", "System.Data", "System.Diagnostics.Process", "Microsoft.Extensions", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
    ];

    // Reading the domain's own embedded data (the Unicode confusables table, Names/Lookalikes.cs) from its assembly.
    private static readonly string[] EmbeddedData = ["System.IO.Stream", "System.IO.StreamReader", "System.IO.TextReader"];

    // The members that read the clock or the machine: the domain is given `now` instead.
    private static readonly string[] ClockMembers = ["get_Now", "get_UtcNow", "get_Today", "GetUtcNow", "get_TickCount", "get_TickCount64"];

    [Fact]
    public void The_domain_references_only_the_framework()
    {
        var framework = RuntimeEnvironment.GetRuntimeDirectory();
        var outside = typeof(Debate).Assembly.GetReferencedAssemblies()
            .Where(name => !Assembly.Load(name).Location.StartsWith(framework, StringComparison.Ordinal))
            .Select(name => name.Name)
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void Nothing_in_the_domain_names_a_type_that_does_io_or_a_member_that_reads_the_clock()
    {
        using var file = File.OpenRead(typeof(Debate).Assembly.Location);
        using var pe = new PEReader(file);
        var metadata = pe.GetMetadataReader();

        var io = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .Where(name => IoNamespaces.Any(ns => name.StartsWith(ns + ".", StringComparison.Ordinal)) && !EmbeddedData.Contains(name))
            .ToList();
        var clock = metadata.MemberReferences
            .Select(h => metadata.GetMemberReference(h))
            .Where(m => ClockMembers.Contains(metadata.GetString(m.Name)))
            .Select(m => $"{Parent(metadata, m)}.{metadata.GetString(m.Name)}")
            .ToList();

        Assert.Empty(io);
        Assert.Empty(clock);
    }

    private static string Parent(MetadataReader metadata, MemberReference member) =>
        member.Parent.Kind == HandleKind.TypeReference
            ? metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)member.Parent).Name)
            : member.Parent.Kind.ToString();
}
