namespace OpenClosedDebate.TestKit;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

/// <summary>
/// The one process launcher: the built server, src/OpenClosedDebate.Server, run with `dotnet` as a real
/// process and configured only through its environment, so its database, log files and cookie keys go to
/// the caller's folder and never the repository; or any other .NET program (the load generator's bare hub).
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly StringBuilder? _stdout;
    private readonly StringBuilder _stderr = new();

    private ServerProcess(Process process, Action<string>? echo, bool keepStdout)
    {
        _process = process;
        _stdout = keepStdout ? new StringBuilder() : null;
        process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(_stderr, e.Data);
            if (e.Data is not null)
            {
                echo?.Invoke(e.Data);
            }
        };
    }

    /// <summary>The server's build output beside the running assembly's: same configuration, same framework.</summary>
    public static string ServerDll => Repository.ServerDll();

    /// <summary>What the process wrote to standard output (nothing, when it was started not to keep it).</summary>
    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public int Id => _process.Id;

    /// <summary>
    /// True once the process has exited and everything it wrote has been read: the process can exit before the
    /// last of its redirected output has arrived, and WaitForExit() without a timeout waits for that output too.
    /// </summary>
    public bool HasExited => _process.HasExited && OutputDrained();

    /// <summary>The running test's token; outside a test (the load generator, the benchmarks) one that never cancels.</summary>
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Starts the server with these arguments; <paramref name="settings"/> are extra environment variables, e.g.
    /// RateLimits__ArgumentBurst, and <paramref name="unset"/> environment variables this class would otherwise set;
    /// <paramref name="fileLimit"/> is an open-file limit (soft and hard) to run it under, as `prlimit --nofile` sets it;
    /// <paramref name="dll"/> another build of it (the load generator runs the Release one); <paramref name="echo"/>
    /// gets each line of standard error as it comes, and with <paramref name="keepStdout"/> false standard output is
    /// read and dropped (a server under load logs more than a test needs to keep).
    /// </summary>
    public static ServerProcess Start(
        string folder,
        string databaseFile,
        IEnumerable<string> args,
        string? passwordVariable = null,
        IReadOnlyDictionary<string, string>? settings = null,
        int? fileLimit = null,
        IEnumerable<string>? unset = null,
        string? dll = null,
        Action<string>? echo = null,
        bool keepStdout = true)
    {
        dll ??= ServerDll;
        var environment = new Dictionary<string, string?>
        {
            // The settings come from the appsettings.json beside the server's assembly; everything the server
            // writes (database, log file, cookie keys) is moved to the caller's folder.
            ["ConnectionStrings__Debates"] = $"Data Source={databaseFile}",
            [FileSinkPathVariable(dll)] = Path.Combine(folder, "logs", "openclosed-.log"),
            ["DataProtection__KeysDirectory"] = Path.Combine(folder, "keys"),
            ["OCD_INSTRUCTOR_PASSWORD"] = passwordVariable,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        foreach (var name in unset ?? [])
        {
            environment[name] = null;
        }

        return StartProgram(dll, folder, args, environment, fileLimit, echo, keepStdout);
    }

    /// <summary>
    /// Starts a .NET program as a Production ASP.NET Core app in <paramref name="folder"/>, its content root beside
    /// <paramref name="dll"/> unless the environment says otherwise, with none of this process's own URLs or
    /// environment names; a null value in <paramref name="environment"/> removes that variable.
    /// </summary>
    public static ServerProcess StartProgram(
        string dll,
        string folder,
        IEnumerable<string> args,
        IReadOnlyDictionary<string, string?> environment,
        int? fileLimit = null,
        Action<string>? echo = null,
        bool keepStdout = true)
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

        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetDirectoryName(dll);
        foreach (var name in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, echo, keepStdout);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Polls <c>/healthz</c> at <paramref name="baseAddress"/>, on real time, until it answers 200; fails if the
    /// process exits first or <paramref name="timeout"/> passes. <paramref name="handler"/> reaches a TLS server.
    /// </summary>
    public async Task WaitHealthyAsync(Uri baseAddress, TimeSpan timeout, HttpMessageHandler? handler = null)
    {
        var ct = Ct;
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        await PollUntilAsync(
            async () =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(baseAddress, "/healthz"), ct);
                    return response.StatusCode == System.Net.HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the server answered /healthz",
            timeout);
    }

    /// <summary>Runs a command to its end, with <paramref name="stdin"/> as its input; the rest as for <see cref="Start"/>.</summary>
    public static async Task<ProcessRun> RunAsync(
        string folder,
        string databaseFile,
        IEnumerable<string> args,
        string? passwordVariable = null,
        string? stdin = null,
        IReadOnlyDictionary<string, string>? settings = null,
        IEnumerable<string>? unset = null,
        string? dll = null)
    {
        var ct = Ct;
        using var run = Start(folder, databaseFile, args, passwordVariable, settings, unset: unset, dll: dll);
        if (stdin is not null)
        {
            await run._process.StandardInput.WriteAsync(stdin.AsMemory(), ct);
        }

        run._process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(RunTimeout);
        await run._process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(run._process.ExitCode, run.Stdout, run.Stderr);
    }

    /// <summary>Polls on real time, since this is a real process, until the condition holds; fails if the process exits first.</summary>
    public async Task PollUntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var ct = Ct;
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

            await Task.Delay(PollInterval, ct);
        }
    }

    /// <summary>
    /// SIGKILL, as `kill -9` sends: the server gets no chance to flush, commit or say goodbye.
    /// Once it has exited, what it wrote before is read to the end, so <see cref="Stdout"/> and <see cref="Stderr"/>
    /// are whole (a wait with a timeout returns at the exit, before the last redirected output has been read).
    /// </summary>
    public void Kill()
    {
        _process.Kill();
        if (_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            OutputDrained();
        }
    }

    /// <summary>User plus system CPU time the process has used so far.</summary>
    public TimeSpan CpuTime() => ProcessStats.CpuTime(Id);

    /// <summary>Resident and peak resident memory, in bytes.</summary>
    public (long Resident, long Peak) Memory() => ProcessStats.Memory(Id);

    /// <summary>How many file descriptors the process has open.</summary>
    public int OpenFiles() => ProcessStats.OpenFiles(Id);

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
        }

        if (_process.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            OutputDrained();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder? output, string? line)
    {
        if (line is null || output is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Read(StringBuilder? output)
    {
        if (output is null)
        {
            return string.Empty;
        }

        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>
    /// The variable that moves the rolling log file, e.g. Serilog__WriteTo__1__Args__path. The sink's key
    /// (an index, or a name when WriteTo is an object) is read from the appsettings.json the server loads.
    /// </summary>
    private static string FileSinkPathVariable(string dll)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(dll)!, "appsettings.json")));
        var writeTo = settings.RootElement.GetProperty("Serilog").GetProperty("WriteTo");
        var sinks = writeTo.ValueKind == JsonValueKind.Array
            ? writeTo.EnumerateArray().Select((sink, i) => (Key: i.ToString(CultureInfo.InvariantCulture), Sink: sink))
            : writeTo.EnumerateObject().Select(p => (Key: p.Name, Sink: p.Value));
        var key = sinks.First(s => s.Sink.TryGetProperty("Name", out var name) && name.GetString() == "File").Key;
        return $"Serilog__WriteTo__{key}__Args__path";
    }
}

/// <summary>How a finished process ended, and what it said.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
