namespace OpenClosedDebate.LoadTest;

/// <summary>
/// A server process under load on a loopback port, started by the test kit's launcher: ours (the Release
/// build of src/OpenClosedDebate.Server, on a fresh SQLite file) or the bare baseline hub. Its CPU time and
/// memory are read from /proc.
/// </summary>
internal sealed class Target : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ServerProcess _process;
    private bool _disposed;

    private Target(ServerProcess process, string folder, int port, bool bare)
    {
        _process = process;
        Folder = folder;
        Bare = bare;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string Folder { get; }

    public bool Bare { get; }

    public Uri BaseAddress { get; }

    public Uri Hub => new(new Uri($"ws://{BaseAddress.Authority}"), "/hubs/debate");

    public string DatabaseFile => Path.Combine(Folder, "debates.db");

    public int Port => BaseAddress.Port;

    /// <summary>The server's Release build: the load is measured on what a school would run.</summary>
    public static string ServerDll { get; } = Repository.ServerDll("Release");

    /// <summary>Our server, Release build, with a fresh database; <paramref name="folder"/> reuses one (a restart).</summary>
    public static Task<Target> StartServerAsync(string? folder = null, int? port = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        folder ??= Directory.CreateTempSubdirectory("ocd-load-").FullName;
        var at = port ?? Ports.Free();
        var environment = new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = ServerProcess.Start(
            folder, Path.Combine(folder, "debates.db"), ["--urls", $"http://127.0.0.1:{at}"], settings: environment, dll: ServerDll, echo: Echo, keepStdout: false);
        return StartedAsync(process, folder, at, bare: false);
    }

    /// <summary>The bare SignalR hub of <see cref="BareHub"/>, run from this program as its own process.</summary>
    public static Task<Target> StartBareAsync(int? port = null)
    {
        var folder = Directory.CreateTempSubdirectory("ocd-bare-").FullName;
        var at = port ?? Ports.Free();

        // The generator runs with workstation GC; the bare hub, in the same executable, gets the server's GC settings
        // instead. Its content root is its own folder, so no appsettings.json beside the generator applies to it.
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_CONTENTROOT"] = folder };
        foreach (var (setting, variable) in new[] { ("System.GC.Server", "DOTNET_gcServer"), ("System.GC.Concurrent", "DOTNET_gcConcurrent") })
        {
            environment[variable] = ServerGcSetting(setting) ? "1" : "0";
        }

        var process = ServerProcess.StartProgram(
            typeof(Target).Assembly.Location, folder, ["bare-hub", "--urls", $"http://127.0.0.1:{at}"], environment, echo: Echo, keepStdout: false);
        return StartedAsync(process, folder, at, bare: true);
    }

    /// <summary>Runs the server's `instructor add` verb against this target's database.</summary>
    public async Task AddInstructorAsync(string email, string password)
    {
        var run = await ServerProcess.RunAsync(Folder, DatabaseFile, ["instructor", "add", email], passwordVariable: password, dll: ServerDll);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"instructor add failed: {run}");
        }
    }

    /// <summary>User plus system CPU time the process has used.</summary>
    public TimeSpan CpuTime() => _process.CpuTime();

    /// <summary>Resident and peak resident memory, in bytes.</summary>
    public (long Resident, long Peak) Memory() => _process.Memory();

    /// <summary>SIGKILL, for the restart scenario.</summary>
    public void Kill() => _process.Kill();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _process.Dispose();
        await Task.CompletedTask;
    }

    public void DeleteFolder()
    {
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A GC setting of the server's build (its runtimeconfig.json), with the runtime's default when absent.</summary>
    private static bool ServerGcSetting(string name)
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(ServerDll, ".runtimeconfig.json")));
        return (bool?)config?["runtimeOptions"]?["configProperties"]?[name] ?? name == "System.GC.Concurrent";
    }

    private static void Echo(string line) => Console.Error.WriteLine($"[server] {line}");

    private static async Task<Target> StartedAsync(ServerProcess process, string folder, int port, bool bare)
    {
        var target = new Target(process, folder, port, bare);
        try
        {
            await process.WaitHealthyAsync(target.BaseAddress, StartTimeout);
            return target;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }
}
