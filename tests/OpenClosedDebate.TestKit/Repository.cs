namespace OpenClosedDebate.TestKit;

/// <summary>Where the checkout and the built server are, found from the running assembly's folder.</summary>
public static class Repository
{
    /// <summary>The checkout: the folder above the running assembly that holds the solution.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The server's build output for a configuration, e.g. Release; by default the running assembly's own
    /// (its output folder is bin/&lt;configuration&gt;/&lt;framework&gt;).
    /// </summary>
    public static string ServerDll(string? configuration = null)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Root, "src", "OpenClosedDebate.Server", "bin", configuration ?? output.Parent!.Name, output.Name, "OpenClosedDebate.Server.dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Build the server first: dotnet build -c {configuration ?? output.Parent!.Name}", dll);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenClosedDebate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OpenClosedDebate.sln above {AppContext.BaseDirectory}.");
    }
}
