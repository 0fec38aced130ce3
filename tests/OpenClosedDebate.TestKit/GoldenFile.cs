namespace OpenClosedDebate.TestKit;

/// <summary>
/// A file in the repository that a test writes from the code (the client's contract, the protocol's parts, the plan
/// checks' cases): the test fails while the committed file differs, and run with OCD_WRITE_GOLDEN=1 writes it first.
/// </summary>
public static class GoldenFile
{
    /// <summary>True when this run is to write golden files again rather than only check them.</summary>
    public static bool Writing => Environment.GetEnvironmentVariable("OCD_WRITE_GOLDEN") == "1";

    /// <summary>
    /// Fails unless the file at <paramref name="path"/> (from the repository's root) holds exactly <paramref name="text"/>,
    /// saying where they first differ and then <paramref name="toFix"/>; with OCD_WRITE_GOLDEN=1 it writes the file first.
    /// </summary>
    public static async Task CheckAsync(string path, string text, string toFix)
    {
        var file = Path.Combine(Repository.Root, path);
        if (Writing)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
        }

        var committed = File.Exists(file) ? await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken) : "";
        Assert.True(committed == text, $"{path} is not what the code gives now. {toFix}\n{FirstDifference(committed, text)}");
    }

    private static string FirstDifference(string committed, string now)
    {
        var (left, right) = (committed.Split('\n'), now.Split('\n'));
        for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
        {
            var (x, y) = (i < left.Length ? left[i] : "(end)", i < right.Length ? right[i] : "(end)");
            if (x != y)
            {
                return $"line {i + 1}: the file has\n  {x}\nthe code gives\n  {y}";
            }
        }

        return "";
    }
}
