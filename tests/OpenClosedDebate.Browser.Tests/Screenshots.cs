namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>Screenshots the tests take, for people to look at: artifacts/screenshots at the repository root.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Create();

    /// <summary>The whole page by default; <paramref name="fullPage"/> false takes what the screen shows.</summary>
    public static Task TakeAsync(IPage page, string name, bool fullPage = true) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = fullPage });

    private static string Create()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenClosedDebate.sln")))
        {
            dir = dir.Parent;
        }

        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
