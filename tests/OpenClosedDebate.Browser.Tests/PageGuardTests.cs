namespace OpenClosedDebate.Browser.Tests;

/// <summary>
/// The guard behind <see cref="XssInTheBrowserTests"/> finds what it looks for: a page that does put a payload
/// in as HTML is caught, and so is a Content Security Policy report. Otherwise a clean result would prove nothing.
/// </summary>
public sealed class PageGuardTests(Chromium chrome) : IClassFixture<Chromium>
{
    private const string Page = "http://guard.test/";

    [Fact]
    public async Task The_guard_catches_every_markup_payload_a_page_inserts_as_html_and_every_policy_report()
    {
        // A context of its own, so nothing it sees reaches the dialogs other tests check. The policy keeps
        // what the payloads would run from running, so they can be inserted one after another.
        await using var context = await chrome.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var guard = PageGuard.Watch(page, dismissDialogs: true);
        await page.RouteAsync(Page, route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = "default-src 'none'" },
            Body = "<!doctype html><title>guard</title><script>window.ran = true</script>",
        }));
        await page.RunAndWaitForConsoleMessageAsync(
            () => page.GotoAsync(Page),
            new() { Predicate = m => m.Text.Contains("Content Security Policy", StringComparison.Ordinal) });
        Assert.Contains(guard.Problems, p => p.StartsWith("a Content Security Policy report", StringComparison.Ordinal));

        // Only markup can be inserted as HTML; entities and a tag name split by a zero-width space are inert even then.
        var markup = XssPayloads.All.Where(p => p.Contains('<', StringComparison.Ordinal) && !p.Contains('\u200B', StringComparison.Ordinal)).ToList();
        Assert.True(markup.Count >= 15);
        foreach (var payload in markup)
        {
            await page.EvaluateAsync("html => { const d = document.createElement('div'); d.innerHTML = html; document.body.replaceChildren(d); }", payload);
            Assert.True((await guard.ScanAsync("self-test")).Count > 0, $"The guard missed {payload} inserted as HTML.");
        }

        await page.EvaluateAsync("() => { window.__xss = 'x'; document.body.replaceChildren(); }");
        Assert.Contains("window.__xss was set to x", await guard.ScanAsync("self-test"));
    }
}
