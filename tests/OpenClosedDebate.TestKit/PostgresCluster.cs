namespace OpenClosedDebate.TestKit;

using System.Diagnostics;
using Npgsql;

/// <summary>
/// A real PostgreSQL server of the tests' own: a throwaway cluster (initdb) in a temporary folder, listening on a free
/// loopback port, stopped and deleted when disposed. It uses Debian's PostgreSQL binaries (tests/install-postgres puts
/// them there; <c>OCD_PG_BIN</c> names another folder). Each test takes a database of its own from
/// <see cref="CreateDatabaseAsync"/>, so tests sharing the cluster never see each other's data. As root, the cluster
/// runs as the <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string User = "ocd";
    private readonly string _bin;
    private readonly string? _runAs;

    private PostgresCluster(string bin, string folder, int port, string? runAs)
    {
        (_bin, Folder, Port, _runAs) = (bin, folder, port, runAs);
    }

    public string Folder { get; }

    public int Port { get; }

    /// <summary>The server's main process (the first line of its postmaster.pid).</summary>
    public int ProcessId => int.Parse(File.ReadLines(Path.Combine(Folder, "data", "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Makes and starts a cluster; fails, saying why, if PostgreSQL isn't installed or won't start.</summary>
    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Binaries();
        var folder = Path.Combine(Path.GetTempPath(), $"ocd-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", runAs, folder]);
        }

        var cluster = new PostgresCluster(bin, folder, Ports.Free(), runAs);
        var data = Path.Combine(folder, "data");
        await cluster.PgAsync("initdb", ["-D", data, "-U", User, "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
        await cluster.PgAsync("pg_ctl", [
            "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start",
        ]);
        return cluster;
    }

    /// <summary>A new, empty database on this cluster, and its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"debates_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return ConnectionString(name);
    }

    /// <summary>
    /// The settings every node of a cluster runs with, on this kind of store (<paramref name="database"/>), through
    /// <paramref name="redis"/>: the cluster tests' nodes and the load generator's; deploy/compose.yaml sets each of them
    /// too (<c>ComposeFileTests</c>).
    /// </summary>
    public static Dictionary<string, string> NodeSettings(string database, string redis, string clusterId)
    {
        var settings = Settings(database).ToDictionary(s => s.Key, s => s.Value!);
        settings["Cluster:Enabled"] = "true";
        settings["Cluster:Redis"] = redis;
        settings["Cluster:ClusterId"] = clusterId;
        settings["Cluster:NodePort"] = Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }

    /// <summary>The settings that make a server store its debates in <paramref name="connectionString"/>'s database.</summary>
    public static IReadOnlyDictionary<string, string?> Settings(string connectionString) => new Dictionary<string, string?>
    {
        ["Persistence:Provider"] = "postgres",
        ["ConnectionStrings:Debates"] = connectionString,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", ["-D", Path.Combine(Folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            TempDatabase.DeleteFolder(Folder);
        }
    }

    private string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Database = database, Pooling = false }.ConnectionString;

    private Task PgAsync(string program, string[] args) =>
        _runAs is null ? RunAsync(Path.Combine(_bin, program), args) : RunAsync("runuser", ["-u", _runAs, "--", Path.Combine(_bin, program), .. args]);

    private static string Binaries()
    {
        var given = Environment.GetEnvironmentVariable("OCD_PG_BIN");
        var found = given is { Length: > 0 }
            ? given
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
                : null;
        return found is not null && File.Exists(Path.Combine(found, "initdb"))
            ? found
            : throw new InvalidOperationException("PostgreSQL isn't installed: run tests/install-postgres (Debian's postgresql package), or set OCD_PG_BIN to a folder with initdb and pg_ctl.");
    }

    private static async Task RunAsync(string file, string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} didn't start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }
}
