namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>
/// The text a page shows in a set of elements, read as the DOM holds it: each element's own text
/// nodes, so a badge or button inside it doesn't count, and nothing is normalised away.
/// </summary>
internal static class Shown
{
    private const string OwnTexts =
        "selector => [...document.querySelectorAll(selector)].map(e => [...e.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.data).join('').trim())";

    public static async Task<IReadOnlyList<string>> TextsAsync(IPage page, string selector) =>
        await page.EvaluateAsync<string[]>(OwnTexts, selector);

    /// <summary>Waits until the elements show exactly these texts, in any order, then checks it.</summary>
    public static async Task ExactlyAsync(IPage page, string selector, IEnumerable<string> expected)
    {
        var want = expected.Order(StringComparer.Ordinal).ToArray();
        try
        {
            await page.WaitForFunctionAsync(
                $"([selector, want]) => JSON.stringify(({OwnTexts})(selector).sort()) === JSON.stringify(want)",
                new object[] { selector, want });
        }
        catch (TimeoutException)
        {
            // Falls through to the assertion, which shows what differs.
        }

        Assert.Equal(want, (await TextsAsync(page, selector)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Checks that each shown text is one of these, whole or cut short with an ellipsis, and that
    /// there are <paramref name="count"/> of them (or at least one, when null).
    /// </summary>
    public static async Task EachOneOfAsync(IPage page, string selector, IReadOnlyCollection<string> candidates, int? count = null)
    {
        var locator = page.Locator(selector);
        if (count is { } n)
        {
            await Assertions.Expect(locator).ToHaveCountAsync(n);
        }
        else
        {
            await Assertions.Expect(locator).Not.ToHaveCountAsync(0);
        }

        foreach (var text in await TextsAsync(page, selector))
        {
            var whole = candidates.Contains(text);
            var clipped = text.EndsWith('…') && candidates.Any(c => c.StartsWith(text[..^1], StringComparison.Ordinal));
            Assert.True(whole || clipped, $"{selector} shows \"{text}\", which is none of the texts posted.");
        }
    }
}
