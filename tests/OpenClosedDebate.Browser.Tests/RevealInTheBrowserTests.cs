namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>Results the instructor reveals: nothing of them reaches the class before the click, then the projector reveals them.</summary>
public sealed class RevealInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private const string AdaArgument = "Open weights let any lab reproduce and audit the results.";
    private const string BenArgument = "Closed models can be patched and recalled when misuse appears.";
    // The reveal animations that started on the page since ListenForReveals: counted as they start, so a slow
    // machine that looks only after they have finished still sees them.
    private const string ListenForReveals = "() => { window.reveals = 0; document.addEventListener('animationstart', e => { if (e.animationName.startsWith('reveal')) window.reveals++; }, true); }";
    private const string RevealAnimations = "() => window.reveals";

    [Fact]
    public async Task A_result_kept_for_the_click_reaches_no_phone_or_projector_until_then_and_is_revealed_with_an_animation_unless_motion_is_reduced()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Results wait for the click.", reveal: "onClick");
        var projector = await chrome.OpenAsync(Chromium.Projector, motion: true);
        var calm = await chrome.OpenAsync(Chromium.Projector);
        var frames = new List<string>();
        var ada = await StudentPage.JoinByCodeAsync(Listening(await chrome.OpenAsync(Chromium.Phone, phone: true), frames), server.BaseUrl, code, "Ada");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        foreach (var screen in new[] { projector, calm })
        {
            await Listening(screen, frames).GotoAsync(console.ProjectorUrl(code));
            await Expect(screen.Locator(".projector__code")).ToHaveTextAsync(code);
        }

        await console.ClickAsync("Start the debate");
        await ada.WaitForPhaseAsync("Arguing");
        await ada.PostAsync(AdaArgument);
        await ben.PostAsync(BenArgument);
        await console.ClickAsync("End arguing, start voting");
        await ada.WaitForPhaseAsync("Voting");
        await ada.AddButton(BenArgument).ClickAsync();
        await ada.SubmitBallotAsync();
        await ben.AddButton(AdaArgument).ClickAsync();
        await ben.SubmitBallotAsync();

        await console.ClickAsync("Close voting, show results");

        await ada.WaitForPhaseAsync("Results");
        await Expect(ada.Page.Locator(".task .loading")).ToHaveTextAsync("Voting has closed. Your instructor will reveal the results in a moment.");
        await Expect(projector.Locator(".projector__waiting")).ToContainTextAsync("The votes are in");
        await Expect(console.Page.Locator(".run__grid .results")).ToBeVisibleAsync();
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Reveal the results" })).ToBeVisibleAsync();
        Assert.DoesNotContain(Seen(frames), f => f.Contains("\"type\":\"results\"", StringComparison.Ordinal));
        await Expect(ada.Page.Locator(".results")).ToHaveCountAsync(0);
        await Axe.AssertCleanAsync(projector, "projector waiting for the reveal");
        await Axe.AssertCleanAsync(ada.Page, "phone waiting for the reveal");
        await Screenshots.TakeAsync(projector, "reveal-1-projector-waiting");
        await Screenshots.TakeAsync(console.Page, "reveal-1-console");

        await projector.EvaluateAsync(ListenForReveals);
        await calm.EvaluateAsync(ListenForReveals);
        await console.ClickAsync("Reveal the results");

        await Expect(projector.Locator(".ranking-result__winner")).ToBeVisibleAsync();
        // animationstart is dispatched at the next frame after the result is drawn, so wait for it rather than look once.
        await projector.WaitForFunctionAsync("() => window.reveals > 0", null, new() { Timeout = 10_000 });
        await Expect(calm.Locator(".ranking-result__winner")).ToBeVisibleAsync();
        Assert.Equal(0, await calm.EvaluateAsync<int>(RevealAnimations));
        await Expect(ada.Page.Locator(".results")).ToBeVisibleAsync();
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Reveal the results" })).ToHaveCountAsync(0);
        Assert.Contains(Seen(frames), f => f.Contains("\"type\":\"results\"", StringComparison.Ordinal));
        // Contrast is judged on the final picture, once the reveal has played.
        await projector.WaitForFunctionAsync("() => document.getAnimations().every(a => a.playState !== 'running')", null, new() { Timeout = 10_000 });
        await Axe.AssertCleanAsync(projector, "projector with the revealed result");
        await Screenshots.TakeAsync(calm, "reveal-2-projector-revealed");
    }

    private static List<string> Seen(List<string> frames)
    {
        lock (frames)
        {
            return [.. frames];
        }
    }

    /// <summary>Keeps every WebSocket frame the page receives, to check what the server sent it.</summary>
    private static IPage Listening(IPage page, List<string> frames)
    {
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            lock (frames)
            {
                frames.Add(frame.Text ?? string.Empty);
            }
        };
        return page;
    }
}
