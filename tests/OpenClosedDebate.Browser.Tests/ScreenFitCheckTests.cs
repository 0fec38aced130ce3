namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>
/// The check behind <see cref="ScreenFitTests"/> finds what it looks for, on pages made to break one
/// rule each, and passes a page that breaks none; otherwise a clean result would prove nothing.
/// </summary>
public sealed class ScreenFitCheckTests(Chromium chrome) : IClassFixture<Chromium>
{
    private static readonly ViewportSize Projector = new() { Width = 1280, Height = 720 };
    private static readonly ViewportSize Phone = new() { Width = 360, Height = 640 };

    // At 1280x720 the projector's minimum is 16 px; a phone's is 14 px.
    private const string Style = "body { margin: 0; font: 20px sans-serif } .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; font-size: 8px }";

    [Theory]
    [InlineData("projector", "<p>Everything fits.</p><span class='sr'>Only for screen readers, and tiny, which is fine.</span>")]
    [InlineData("phone", "<p>Everything fits.</p><div style='height: 3000px'>A phone may scroll down.</div>")]
    [InlineData("phone", "<details><summary style='display: block; white-space: nowrap; overflow: hidden; text-overflow: ellipsis'>A long summary that a tap opens in full, so it may be shortened on the screen</summary>The whole text.</details>")]
    [InlineData("projector", "<p style='font-size: 16px'>Exactly the minimum at 720 lines.</p>")]
    public async Task A_page_that_fits_passes(string screen, string body)
    {
        var problems = await ProblemsAsync(screen, body);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("projector", "<p style='font-size: 15px'>Too small at 720 lines.</p>", "under the 16.0 px minimum")]
    [InlineData("phone", "<p style='font-size: 13px'>Too small for a phone.</p>", "under the 14.0 px minimum")]
    [InlineData("projector", "<div style='height: 900px'>Taller than the screen.</div>", "the page scrolls")]
    [InlineData("phone", "<div style='width: 500px'>Wider than the phone.</div>", "the page scrolls sideways")]
    [InlineData("projector", "<div style='height: 40px; overflow: hidden'>Line one<br>line two<br>line three</div>", "holds more than it shows")]
    [InlineData("projector", "<div style='height: 40px; overflow: hidden'>Line one<br>line two<br>line three</div>", "text is cut off by")]
    [InlineData("projector", "<p style='width: 200px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis'>A label cut short with an ellipsis, and nothing shows the rest</p>", "text is cut off by")]
    [InlineData("phone", "<p style='width: 200px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis'>A label cut short with an ellipsis that no tap opens</p>", "text is cut off by")]
    [InlineData("projector", "<details open><summary style='width: 200px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis'>Nobody taps a projector, so a summary cut short is cut off</summary></details>", "text is cut off by")]
    [InlineData("projector", "<p style='width: 300px; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow: hidden'>A paragraph clamped to two lines, which hides everything after the second line of this long and winding text.</p>", "holds more than it shows")]
    [InlineData("projector", "<p style='position: absolute; left: 1200px; white-space: nowrap'>Past the right edge</p>", "runs off the side of the screen")]
    [InlineData("projector", "<p style='position: absolute; top: 700px'>Past the bottom edge</p>", "runs off the bottom of the screen")]
    [InlineData("projector", "<div style='height: 500px'></div><div style='height: 30px'>Line one<br>line two<br>line three<br>line four<br>line five<br>line six<br>line seven<br>line eight<br>line nine<br>line ten</div>", "runs off the bottom of the screen")]
    [InlineData("projector", "<canvas width='200' height='100'></canvas>", "text drawn in a canvas")]
    [InlineData("projector", "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' width='400' height='400' style='position: absolute; left: 1000px'>", "a picture runs off the side of the screen")]
    public async Task A_page_that_breaks_a_rule_is_caught(string screen, string body, string expected)
    {
        var problems = await ProblemsAsync(screen, body);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<string>> ProblemsAsync(string screen, string body)
    {
        var size = screen == "phone" ? Phone : Projector;
        await using var context = await chrome.Browser.NewContextAsync(new() { ViewportSize = size, IsMobile = screen == "phone", HasTouch = screen == "phone" });
        var page = await context.NewPageAsync();
        await page.SetContentAsync($"<!doctype html><meta name='viewport' content='width=device-width'><style>{Style}</style>{body}");
        return await ScreenFit.ProblemsAsync(page, screen == "phone" ? ScreenFit.Rules.Phone(size) : ScreenFit.Rules.Projector(size));
    }
}
