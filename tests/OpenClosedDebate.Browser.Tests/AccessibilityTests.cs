namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>axe-core scans of every page a class uses: no serious or critical violation.</summary>
public sealed class AccessibilityTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    [Fact]
    public async Task The_student_console_and_projector_pages_have_no_serious_accessibility_violations()
    {
        var join = await chrome.OpenAsync(Chromium.Phone, phone: true);
        await join.GotoAsync($"{server.BaseUrl}/");
        await Assertions.Expect(join.GetByLabel("Join code")).ToBeVisibleAsync();
        await AssertAccessibleAsync(join, "student join page");

        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        await AssertAccessibleAsync(console.Page, "debates list");
        var code = await console.PrepareTwoRoundDebateAsync("Accessible to everyone.");
        await AssertAccessibleAsync(console.Page, "console lobby");

        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        await Assertions.Expect(projector.Locator(".projector__code")).ToBeVisibleAsync();
        await AssertAccessibleAsync(projector, "projector lobby");

        var ada = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ada");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        await AssertAccessibleAsync(ada.Page, "student lobby");
        await console.ClickAsync("Start the debate");
        await ada.WaitForPhaseAsync("Arguing");
        await ada.PostAsync("Open research moves faster.");
        await ben.PostAsync("Closed research is safer.");
        await AssertAccessibleAsync(ada.Page, "student arguing");
        await AssertAccessibleAsync(console.Page, "console running");
        await AssertAccessibleAsync(projector, "projector running");

        await console.ClickAsync("End arguing, start voting");
        await ada.WaitForPhaseAsync("Voting");
        await ada.AddButton("Closed research is safer.").ClickAsync();
        await AssertAccessibleAsync(ada.Page, "student ballot");
        await ada.SubmitBallotAsync();
        await console.ClickAsync("Close voting, show results");
        await ada.WaitForPhaseAsync("Results");
        await AssertAccessibleAsync(ada.Page, "student results");
        await AssertAccessibleAsync(projector, "projector results");
    }

    private static Task AssertAccessibleAsync(IPage page, string what) => Axe.AssertCleanAsync(page, what);
}
