namespace OpenClosedDebate.LoadTest;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

/// <summary>
/// A server process under load on a loopback port: ours (the Release build of
/// src/OpenClosedDebate.Server, on a fresh SQLite file) or the bare baseline hub. Its CPU time and
/// memory are read from /proc.
/// </summary>
internal sealed class Target : IAsyncDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private Target(Process process, string folder, int port, bool bare)
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

    public static string ServerDll { get; } = Path.Combine(RepositoryRoot(), "src", "OpenClosedDebate.Server", "bin", "Release", "net10.0", "OpenClosedDebate.Server.dll");

    /// <summary>Our server, Release build, with a fresh database; <paramref name="folder"/> reuses one (a restart).</summary>
    public static Task<Target> StartServerAsync(string? folder = null, int? port = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (!File.Exists(ServerDll))
        {
            throw new FileNotFoundException("Build the server in Release first: dotnet build -c Release", ServerDll);
        }

        folder ??= Directory.CreateTempSubdirectory("ocd-load-").FullName;
        var info = Info(ServerDll, folder, port ?? FreePort());
        info.Environment["ConnectionStrings__Debates"] = $"Data Source={Path.Combine(folder, "debates.db")}";
        info.Environment["Serilog__WriteTo__File__Args__path"] = Path.Combine(folder, "logs", "openclosed-.log");
        info.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        info.Environment["DataProtection__KeysDirectory"] = Path.Combine(folder, "keys");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return StartAsync(info, folder, bare: false);
    }

    /// <summary>The bare SignalR hub of <see cref="BareHub"/>, run from this program as its own process.</summary>
    public static Task<Target> StartBareAsync(int? port = null)
    {
        var folder = Directory.CreateTempSubdirectory("ocd-bare-").FullName;
        var info = Info(typeof(Target).Assembly.Location, folder, port ?? FreePort());
        info.ArgumentList.Insert(1, "bare-hub");

        // The generator runs with workstation GC; the bare hub, in the same executable, gets the server's GC settings instead.
        foreach (var (setting, variable) in new[] { ("System.GC.Server", "DOTNET_gcServer"), ("System.GC.Concurrent", "DOTNET_gcConcurrent") })
        {
            info.Environment[variable] = ServerGcSetting(setting) ? "1" : "0";
        }

        return StartAsync(info, folder, bare: true);
    }

    /// <summary>A GC setting of the server's build (its runtimeconfig.json), with the runtime's default when absent.</summary>
    private static bool ServerGcSetting(string name)
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(ServerDll, ".runtimeconfig.json")));
        return (bool?)config?["runtimeOptions"]?["configProperties"]?[name] ?? name == "System.GC.Concurrent";
    }

    /// <summary>Runs the server's `instructor add` verb against this target's database.</summary>
    public async Task AddInstructorAsync(string email, string password)
    {
        var info = Info(ServerDll, Folder, 0);
        info.ArgumentList.Clear();
        info.ArgumentList.Add(ServerDll);
        info.ArgumentList.Add("instructor");
        info.ArgumentList.Add("add");
        info.ArgumentList.Add(email);
        info.Environment["ConnectionStrings__Debates"] = $"Data Source={DatabaseFile}";
        info.Environment["OCD_INSTRUCTOR_PASSWORD"] = password;
        using var cli = Process.Start(info)!;
        cli.StandardInput.Close();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"instructor add failed: {await cli.StandardError.ReadToEndAsync()}");
        }
    }

    /// <summary>User plus system CPU time the process has used.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Resident and peak resident memory, in bytes.</summary>
    public (long Resident, long Peak) Memory()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        long Field(string name) => long.Parse(status.Single(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    /// <summary>SIGKILL, for the restart scenario.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public int Port => BaseAddress.Port;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public void DeleteFolder()
    {
        Directory.Delete(Folder, recursive: true);
    }

    private static ProcessStartInfo Info(string dll, string folder, int port)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(dll);
        info.Environment.Remove("ASPNETCORE_URLS");
        return info;
    }

    private static async Task<Target> StartAsync(ProcessStartInfo info, string folder, bool bare)
    {
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"[server] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var port = int.Parse(info.ArgumentList[info.ArgumentList.IndexOf("--urls") + 1].Split(':')[^1], CultureInfo.InvariantCulture);
        var target = new Target(process, folder, port, bare);
        using var http = new HttpClient();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {process.ExitCode} before answering /healthz.");
            }

            try
            {
                if ((await http.GetAsync(new Uri(target.BaseAddress, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return target;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The server didn't answer /healthz within 60 s.");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenClosedDebate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No OpenClosedDebate.sln above the load generator.");
    }
}
