namespace OpenClosedDebate.Browser.Tests;

using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

/// <summary>axe-core's scan of a page as it is now: no serious or critical violation.</summary>
internal static class Axe
{
    public static async Task AssertCleanAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            serious.Count == 0,
            $"{what}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
