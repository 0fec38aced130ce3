namespace OpenClosedDebate.LoadTest;

/// <summary>
/// A server process under load on a loopback port, started by the test kit's launcher: ours (the Release
/// build of src/OpenClosedDebate.Server, on a fresh SQLite file) or the bare baseline hub; or a cluster of ours
/// (<see cref="StartClusterAsync"/>). Its CPU time and memory are read from /proc.
/// </summary>
internal sealed class Target : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ServerProcess _process;
    private readonly List<ServerProcess> _others = [];
    private readonly List<string> _otherFolders = [];
    private IReadOnlyDictionary<string, string>? _store;
    private PostgresCluster? _postgres;
    private RedisServer? _redis;
    private bool _disposed;

    private Target(ServerProcess process, string folder, int port, bool bare)
    {
        _process = process;
        Folder = folder;
        Bare = bare;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        Hubs = [Hub];
    }

    /// <summary>Where students connect: the one server, or each node of a cluster in turn.</summary>
    public IReadOnlyList<Uri> Hubs { get; private set; }

    /// <summary>How many servers carry the load.</summary>
    public int Nodes => 1 + _others.Count;

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

    /// <summary>
    /// <paramref name="nodes"/> of our servers as one cluster (Release build, the settings the cluster tests give their
    /// nodes), on a PostgreSQL and a Redis of their own, started one after another. Students connect straight to the
    /// nodes, in turn; the instructor through the first. Its CPU time and memory are the nodes', PostgreSQL's (with
    /// its backends) and Redis's together.
    /// </summary>
    public static async Task<Target> StartClusterAsync(int nodes)
    {
        var postgres = await PostgresCluster.StartAsync();
        var redis = await RedisServer.StartAsync();
        // A pool per node, as a deployment has, bounded so the nodes together stay under PostgreSQL's 100 connections
        // (README, "Storing debates in PostgreSQL"); the tests' own databases are unpooled, so they can be dropped.
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync()) { Pooling = true, MaxPoolSize = 90 / nodes }.ConnectionString;
        var clusterId = $"load-{Guid.NewGuid():N}";
        var members = new List<Target>();
        try
        {
            for (var i = 0; i < nodes; i++)
            {
                members.Add(await StartServerAsync(settings: PostgresCluster.NodeSettings(database, redis.Configuration, clusterId)));
            }
        }
        catch
        {
            foreach (var member in members)
            {
                await member.DisposeAsync();
            }

            redis.Dispose();
            await postgres.DisposeAsync();
            throw;
        }

        var first = members[0];
        first._others.AddRange(members.Skip(1).Select(m => m._process));
        first._otherFolders.AddRange(members.Skip(1).Select(m => m.Folder));
        first._store = PostgresCluster.Settings(database).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        (first._postgres, first._redis) = (postgres, redis);
        first.Hubs = [.. members.Select(m => m.Hub)];
        return first;
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
        var run = await ServerProcess.RunAsync(Folder, DatabaseFile, ["instructor", "add", email], passwordVariable: password, settings: _store, dll: ServerDll);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"instructor add failed: {run}");
        }
    }

    /// <summary>User plus system CPU time the process has used (every process of a cluster's, together).</summary>
    public TimeSpan CpuTime() =>
        _others.Aggregate(_process.CpuTime(), (sum, p) => sum + p.CpuTime())
        + (_redis is null ? TimeSpan.Zero : ProcessStats.CpuTime(_redis.ProcessId))
        + (_postgres is null ? TimeSpan.Zero : ProcessStats.TreeCpuTime(_postgres.ProcessId));

    /// <summary>Resident and peak resident memory, in bytes (a cluster's servers', summed).</summary>
    public (long Resident, long Peak) Memory() => _others.Select(p => p.Memory()).Aggregate(_process.Memory(), (sum, m) => (sum.Resident + m.Resident, sum.Peak + m.Peak));

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
        foreach (var other in _others)
        {
            other.Dispose();
        }

        _redis?.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    public void DeleteFolder()
    {
        foreach (var folder in _otherFolders.Prepend(Folder))
        {
            Directory.Delete(folder, recursive: true);
        }
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
