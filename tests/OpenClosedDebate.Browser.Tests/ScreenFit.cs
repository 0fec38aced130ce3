namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>
/// Whether a page fits its screen: the document scrolls only where it may (the projector never, a phone
/// only up and down), no text is cut off by the screen's edge or by a box that hides what overflows it,
/// shortened text (an ellipsis or a line clamp) appears only where a tap shows the whole, and no text is
/// smaller than the screen's minimum. <see cref="ScreenFitTests"/> checks every phase with it;
/// <see cref="ScreenFitCheckTests"/> shows that it catches what it looks for.
/// </summary>
internal static class ScreenFit
{
    /// <summary>The projector's smallest text at 1080 lines, in CSS pixels; it scales with the screen's height.</summary>
    public const double ProjectorMinimumAt1080 = 24;

    /// <summary>A phone's smallest text, in CSS pixels, at any size.</summary>
    public const double PhoneMinimum = 14;

    public static IReadOnlyList<ViewportSize> Projectors { get; } =
    [
        new() { Width = 1920, Height = 1080 },
        new() { Width = 1366, Height = 768 },
        new() { Width = 1280, Height = 720 },
    ];

    public static IReadOnlyList<ViewportSize> Phones { get; } =
    [
        new() { Width = 390, Height = 844 },
        new() { Width = 360, Height = 640 },
    ];

    /// <summary>The rules for a kind of screen at one size.</summary>
    public sealed record Rules(int Width, int Height, double MinimumFont, bool MayScrollDown, bool TapShowsShortenedText)
    {
        public static Rules Projector(ViewportSize size) =>
            new(size.Width, size.Height, ProjectorMinimumAt1080 * size.Height / 1080, MayScrollDown: false, TapShowsShortenedText: false);

        public static Rules Phone(ViewportSize size) =>
            new(size.Width, size.Height, PhoneMinimum, MayScrollDown: true, TapShowsShortenedText: true);
    }

    // Text is checked node by node: each text node's line boxes must lie inside the screen (across, and
    // down too where the page may not scroll) and inside every ancestor that hides or scrolls what
    // overflows it. Boxes that hide overflow and hold text must also not have more to show than they
    // do (scrollWidth/scrollHeight against their client size). Text meant only for screen readers (a
    // clip rectangle) and text not rendered (closed details, display: none) is skipped.
    private const string CheckScript = """
        (rules) => {
          const problems = new Set();
          const de = document.documentElement;
          const W = rules.width, H = rules.height;
          const describe = e => {
            const cls = typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\s+/).join('.') : '';
            const text = (e.innerText ?? e.textContent ?? '').replace(/\s+/g, ' ').trim();
            return `<${e.tagName.toLowerCase()}${cls}> "${text.length > 60 ? text.slice(0, 57) + '...' : text}"`;
          };
          if (de.scrollWidth > W + 1) problems.add(`the page scrolls sideways: ${de.scrollWidth} px wide on a ${W} px screen`);
          if (!rules.mayScrollDown && de.scrollHeight > H + 1) problems.add(`the page scrolls: ${de.scrollHeight} px tall on a ${H} px screen`);

          const style = new Map();
          const css = e => { let s = style.get(e); if (!s) { s = getComputedStyle(e); style.set(e, s); } return s; };
          const hides = s => s.overflowX !== 'visible' || s.overflowY !== 'visible';
          const shortened = s => s.textOverflow === 'ellipsis' || (s.webkitLineClamp && s.webkitLineClamp !== 'none');
          const forScreenReaders = e => { for (let x = e; x; x = x.parentElement) if (css(x).clip && css(x).clip !== 'auto') return true; return false; };
          const tapShowsAll = e => !!e.closest('summary, [aria-expanded]');
          const scrollY = window.scrollY;

          // Shortened text that a tap shows in full is checked as the box it is shortened to.
          const shortenedBox = e => {
            if (!rules.tapShowsShortenedText) return null;
            for (let a = e; a && a !== document.body; a = a.parentElement) if (shortened(css(a)) && tapShowsAll(a)) return a;
            return null;
          };
          const checkBox = (e, rects, what, from) => {
            const allowed = shortenedBox(from);
            if (allowed) {
              const b = allowed.getBoundingClientRect();
              rects = rects.map(r => DOMRect.fromRect({ x: Math.max(r.left, b.left), y: Math.max(r.top, b.top), width: Math.min(r.right, b.right) - Math.max(r.left, b.left), height: Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) }));
              from = allowed.parentElement;
            }
            for (const r of rects) {
              if (r.width < 0.5 || r.height < 0.5) continue;
              if (r.left < -1 || r.right > W + 1) problems.add(`${what} runs off the side of the screen: ${describe(e)}`);
              if (!rules.mayScrollDown && (r.top < -1 || r.bottom > H + 1)) problems.add(`${what} runs off the bottom of the screen: ${describe(e)}`);
              if (rules.mayScrollDown && r.top + scrollY < -1) problems.add(`${what} is above the top of the page: ${describe(e)}`);
              for (let a = from; a && a !== document.body; a = a.parentElement) {
                const s = css(a);
                if (!hides(s)) continue;
                const box = a.getBoundingClientRect();
                const left = box.left + a.clientLeft, top = box.top + a.clientTop;
                const cutX = s.overflowX !== 'visible' && (r.left < left - 1 || r.right > left + a.clientWidth + 1);
                const cutY = s.overflowY !== 'visible' && (r.top < top - 1 || r.bottom > top + a.clientHeight + 1);
                if (cutX || cutY) {
                  problems.add(`${what} is cut off by ${describe(a)}: ${describe(e)}`);
                }
              }
            }
          };

          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          const small = new Set();
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.data.trim()) continue;
            const e = node.parentElement;
            if (!e || e.closest('script, style, noscript, template') || forScreenReaders(e)) continue;
            range.selectNodeContents(node);
            const rects = [...range.getClientRects()];
            if (rects.length === 0 || css(e).visibility === 'hidden' || Number(css(e).opacity) === 0) continue;
            const size = parseFloat(css(e).fontSize);
            if (size < rules.minimumFont - 0.05 && !small.has(e)) {
              small.add(e);
              problems.add(`text is ${size.toFixed(1)} px, under the ${rules.minimumFont.toFixed(1)} px minimum: ${describe(e)}`);
            }
            checkBox(e, rects, 'text', e);
          }

          for (const e of document.body.querySelectorAll('*')) {
            const s = css(e);
            if (e.getClientRects().length === 0 || s.visibility === 'hidden' || forScreenReaders(e)) continue;
            if (e.tagName === 'CANVAS') problems.add(`text drawn in a canvas can't be checked for size or fit: ${describe(e)}`);
            if (/^(IMG|CANVAS|SVG|VIDEO)$/i.test(e.tagName)) checkBox(e, [...e.getClientRects()], 'a picture', e.parentElement);
            if (hides(s) && e.textContent.trim() && !(rules.tapShowsShortenedText && shortened(s) && tapShowsAll(e))) {
              const overX = s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1;
              const overY = s.overflowY !== 'visible' && e.scrollHeight > e.clientHeight + 1;
              if (overX || overY) problems.add(`${describe(e)} holds more than it shows (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`);
            }
          }
          return [...problems];
        }
        """;

    /// <summary>What doesn't fit on the page as it is now; empty when everything does.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, Rules rules) =>
        await page.EvaluateAsync<string[]>(CheckScript, Arguments(rules));

    /// <summary>
    /// Waits for the page to settle into a fit (layouts that measure themselves take a frame or two, and
    /// a reveal animates for a moment), then returns what still doesn't fit.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SettledProblemsAsync(IPage page, Rules rules)
    {
        try
        {
            await page.WaitForFunctionAsync($"rules => ({CheckScript})(rules).length === 0", Arguments(rules), new() { PollingInterval = 100, Timeout = 3000 });
        }
        catch (TimeoutException)
        {
            // Falls through: the problems it still has are the answer.
        }

        return await ProblemsAsync(page, rules);
    }

    private static object Arguments(Rules rules) => new
    {
        width = rules.Width,
        height = rules.Height,
        minimumFont = rules.MinimumFont,
        mayScrollDown = rules.MayScrollDown,
        tapShowsShortenedText = rules.TapShowsShortenedText,
    };
}
