namespace OpenClosedDebate.Server.Tests;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

/// <summary>
/// The built server, src/OpenClosedDebate.Server, run with `dotnet` as a real process and configured
/// only through its environment: its database and log files go to the test's folder, never the repo.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
    }

    /// <summary>The server's build output beside this test assembly's: same configuration, same framework.</summary>
    public static string ServerDll { get; } = FindServerDll();

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public int Id => _process.Id;

    /// <summary>
    /// True once the process has exited and everything it wrote has been read: the process can exit before the
    /// last of its redirected output has arrived, and WaitForExit() without a timeout waits for that output too.
    /// </summary>
    public bool HasExited => _process.HasExited && OutputDrained();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts the server with these arguments; <paramref name="settings"/> are extra environment variables, e.g.
    /// RateLimits__ArgumentBurst, and <paramref name="unset"/> environment variables this class would otherwise set;
    /// <paramref name="fileLimit"/> is an open-file limit (soft and hard) to run it under, as `prlimit --nofile` sets it.
    /// </summary>
    public static ServerProcess Start(
        string folder,
        string databaseFile,
        IEnumerable<string> args,
        string? passwordVariable = null,
        IReadOnlyDictionary<string, string>? settings = null,
        int? fileLimit = null,
        IEnumerable<string>? unset = null)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var info = new ProcessStartInfo(fileLimit is null ? dotnet : "prlimit")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (fileLimit is { } files)
        {
            info.ArgumentList.Add($"--nofile={files}:{files}");
            info.ArgumentList.Add(dotnet);
        }

        info.ArgumentList.Add(ServerDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The settings come from the appsettings.json beside the server's assembly; everything the server
        // writes (database, log file, cookie keys) is moved to the test's folder.
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(ServerDll);
        info.Environment["ConnectionStrings__Debates"] = $"Data Source={databaseFile}";
        info.Environment[FileSinkPathVariable()] = Path.Combine(folder, "logs", "openclosed-.log");
        info.Environment["DataProtection__KeysDirectory"] = Path.Combine(folder, "keys");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HTTP_PORTS");
        if (passwordVariable is null)
        {
            info.Environment.Remove("OCD_INSTRUCTOR_PASSWORD");
        }
        else
        {
            info.Environment["OCD_INSTRUCTOR_PASSWORD"] = passwordVariable;
        }

        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        foreach (var name in unset ?? [])
        {
            info.Environment.Remove(name);
        }

        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Runs a command to its end, with <paramref name="stdin"/> as its input; the rest as for <see cref="Start"/>.</summary>
    public static async Task<ProcessRun> RunAsync(
        string folder,
        string databaseFile,
        IEnumerable<string> args,
        string? passwordVariable = null,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? settings = null,
        IEnumerable<string>? unset = null)
    {
        using var run = Start(folder, databaseFile, args, passwordVariable, settings, unset: unset);
        if (stdin is not null)
        {
            await run._process.StandardInput.WriteAsync(stdin.AsMemory(), Ct);
        }

        run._process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(RunTimeout);
        await run._process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(run._process.ExitCode, run.Stdout, run.Stderr);
    }

    /// <summary>Polls on real time, since this is a real process, until the condition holds; fails if the process exits first.</summary>
    public async Task PollUntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before {what}.\n{this}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}.\n{this}");
            }

            await Task.Delay(PollInterval, Ct);
        }
    }

    /// <summary>SIGKILL, as `kill -9` sends: the server gets no chance to flush, commit or say goodbye.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public override string ToString() => $"stdout:\n{Stdout}\nstderr:\n{Stderr}";

    private bool OutputDrained()
    {
        _process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>
    /// The variable that moves the rolling log file, e.g. Serilog__WriteTo__1__Args__path. The sink's key
    /// (an index, or a name when WriteTo is an object) is read from the appsettings.json the server loads.
    /// </summary>
    private static string FileSinkPathVariable()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(ServerDll)!, "appsettings.json")));
        var writeTo = settings.RootElement.GetProperty("Serilog").GetProperty("WriteTo");
        var sinks = writeTo.ValueKind == JsonValueKind.Array
            ? writeTo.EnumerateArray().Select((sink, i) => (Key: i.ToString(CultureInfo.InvariantCulture), Sink: sink))
            : writeTo.EnumerateObject().Select(p => (Key: p.Name, Sink: p.Value));
        var key = sinks.First(s => s.Sink.TryGetProperty("Name", out var name) && name.GetString() == "File").Key;
        return $"Serilog__WriteTo__{key}__Args__path";
    }

    private static string FindServerDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (output.Name, output.Parent!.Name);
        var dll = Path.Combine(RepositoryRoot(), "src", "OpenClosedDebate.Server", "bin", configuration, framework, "OpenClosedDebate.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first.", dll);
    }

    /// <summary>The checkout these tests were built from: the folder above their output that holds the solution.</summary>
    public static string RepositoryRoot()
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

/// <summary>How a finished process ended, and what it said.</summary>
internal sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
