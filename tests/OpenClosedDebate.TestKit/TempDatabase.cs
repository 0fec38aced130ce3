namespace OpenClosedDebate.TestKit;

using Microsoft.Data.Sqlite;

/// <summary>A SQLite file for tests that restart a server on it; deleted, with its WAL files, on dispose.</summary>
public sealed class TempDatabase : IDisposable
{
    public string Path { get; } = NewPath();

    public static string NewPath() => System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ocd-test-{Guid.NewGuid():N}.db");

    public static void Delete(string file)
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, $"{file}-wal", $"{file}-shm" })
        {
            File.Delete(path);
        }
    }

    public static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose() => Delete(Path);
}
