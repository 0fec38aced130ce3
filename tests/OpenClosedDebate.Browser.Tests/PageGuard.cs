namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>
/// Watches one page for signs that user text ran as code or that the client broke: Content Security
/// Policy reports in the console, uncaught errors, unexpected dialogs; and scans its document for
/// elements, handlers and URLs that only injected markup would have made.
/// </summary>
internal sealed class PageGuard
{
    /// <summary>The one dialog the tests open on purpose (the console's "End debate").</summary>
    public const string EndDebateQuestion = "End the debate now for everyone?";

    // Anything here is a failure: handlers as attributes (Preact adds listeners, never attributes),
    // script URLs, inline or foreign scripts, frames, MathML, imported styles, the payloads' image.
    private const string ScanScript = """
        () => {
          const found = [];
          const show = e => e.outerHTML.slice(0, 160);
          if (window.__xss !== undefined) found.push('window.__xss was set to ' + String(window.__xss));
          for (const e of document.querySelectorAll('*')) {
            for (const a of e.attributes) {
              const name = a.name.toLowerCase();
              const url = a.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
              const harmlessData = (e.tagName === 'IMG' && url.startsWith('data:image/')) || (e.tagName === 'LINK' && url === 'data:,');
              if (name.startsWith('on')) found.push('a handler attribute: ' + show(e));
              else if (name === 'srcdoc') found.push('a srcdoc: ' + show(e));
              else if (/^(href|src|action|formaction|xlink:href|data|background|poster)$/.test(name)
                && (/^(javascript|vbscript):/.test(url) || (url.startsWith('data:') && !harmlessData))) found.push('a script or data URL: ' + show(e));
            }
          }
          const injected = 'script:not([src]), iframe, frame, object, embed, math, svg, base, meta[http-equiv], img[src="x"]';
          for (const e of document.querySelectorAll(injected)) found.push('an injected element: ' + show(e));
          for (const e of document.querySelectorAll('script[src]')) if (new URL(e.src).origin !== location.origin) found.push('a foreign script: ' + show(e));
          for (const e of document.querySelectorAll('style')) if (/@import/i.test(e.textContent)) found.push('an imported style: ' + show(e));
          return found;
        }
        """;

    private readonly Lock _lock = new();
    private readonly List<string> _problems = [];
    private readonly IPage _page;

    private PageGuard(IPage page) => _page = page;

    /// <summary>
    /// Starts listening; call before the page loads anything, so nothing is missed. Pass
    /// <paramref name="dismissDialogs"/> for pages not opened by <see cref="Chromium"/>, which answers their dialogs.
    /// </summary>
    public static PageGuard Watch(IPage page, bool dismissDialogs = false)
    {
        var guard = new PageGuard(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                guard.Add($"a Content Security Policy report: {message.Text}");
            }
        };
        page.PageError += (_, error) => guard.Add($"an uncaught error: {error}");
        page.Dialog += async (_, dialog) =>
        {
            if (dialog.Type != DialogType.Confirm || dialog.Message != EndDebateQuestion)
            {
                guard.Add($"a {dialog.Type} dialog: {dialog.Message}");
            }

            if (dismissDialogs)
            {
                await dialog.DismissAsync();
            }
        };
        return guard;
    }

    /// <summary>What went wrong so far, each naming the page it happened on.</summary>
    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_lock)
            {
                return [.. _problems];
            }
        }
    }

    public bool Watches(IPage page) => ReferenceEquals(_page, page);

    /// <summary>Scans the document as it is now; anything found is kept as a problem and also returned.</summary>
    public async Task<IReadOnlyList<string>> ScanAsync(string view)
    {
        var found = await _page.EvaluateAsync<string[]>(ScanScript);
        foreach (var problem in found)
        {
            Add($"{view}: {problem}");
        }

        return found;
    }

    private void Add(string problem)
    {
        lock (_lock)
        {
            _problems.Add($"{problem} (at {_page.Url})");
        }
    }
}
