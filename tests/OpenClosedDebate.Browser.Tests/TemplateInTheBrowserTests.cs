namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>The course template, started from the console: the pre-debate motion vote and the ranking of the aspects of openness.</summary>
public sealed class TemplateInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    [Fact]
    public async Task The_course_template_opens_with_a_motion_vote_and_the_aspects_of_openness()
    {
        var join = await chrome.OpenAsync(Chromium.Phone, phone: true);
        await join.GotoAsync($"{server.BaseUrl}/");
        await Screenshots.TakeAsync(join, "student-0-join");

        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "New from “Open and Closed Models”" }).ClickAsync();
        await Expect(console.Page.GetByRole(AriaRole.Button, new() { Name = "Round 9: After the debate: where do you stand now?" })).ToHaveAttributeAsync("aria-expanded", "false");
        await Screenshots.TakeAsync(console.Page, "console-0-plan");
        await console.ClickAsync("Open the lobby");
        var code = (await console.Page.Locator(".join-info__code").TextContentAsync())!.Trim();
        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        var ada = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ada");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        await Expect(ada.Page.GetByRole(AriaRole.Link, new() { Name = "Open-Source AI Is Uniquely Dangerous (IEEE Spectrum)" })).ToBeVisibleAsync();

        await console.ClickAsync("Start the debate");
        await ada.WaitForPhaseAsync("Voting");
        await Expect(ada.Page.Locator(".round__title")).ToHaveTextAsync("Before the debate: where do you stand?");
        await ada.Page.GetByRole(AriaRole.Button, new() { Name = "For", Exact = true }).ClickAsync();
        await Expect(ada.Page.Locator(".receipt")).ToBeVisibleAsync();
        await Expect(ada.Page.GetByRole(AriaRole.Button, new() { Name = "For", Exact = true })).ToHaveAttributeAsync("aria-pressed", "true");
        await Screenshots.TakeAsync(ada.Page, "student-motion-1-voted");
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Against", Exact = true }).ClickAsync();
        await Expect(ben.Page.Locator(".receipt")).ToBeVisibleAsync();

        // Ada changes her mind before the deadline: a revision with a new receipt.
        var first = await ada.Page.Locator(".receipt").TextContentAsync();
        await ada.Page.GetByRole(AriaRole.Button, new() { Name = "Undecided", Exact = true }).ClickAsync();
        await Expect(ada.Page.Locator(".receipt")).Not.ToHaveTextAsync(first!);
        await Expect(ada.Page.Locator(".notice--success")).ToContainTextAsync("change 1");

        await console.ClickAsync("Close voting, show results");
        await ada.WaitForPhaseAsync("Results");
        await Expect(ada.Page.Locator(".results__motion")).ToContainTextAsync("50% (1)");
        await Expect(projector.Locator(".motion-result__row--against")).ToContainTextAsync("50% · 1 vote");
        await Screenshots.TakeAsync(ada.Page, "student-motion-2-results");
        await Screenshots.TakeAsync(projector, "projector-motion-results");

        await console.ClickAsync("Next round");
        await ada.WaitForPhaseAsync("Voting");
        await Expect(ada.Page.Locator(".round__title")).ToHaveTextAsync("Aspects of openness");
        await Expect(ada.Choices).ToHaveCountAsync(4);
        await ada.AddButton("Model weights").ClickAsync();
        await ada.AddButton("Training data").ClickAsync();
        await Screenshots.TakeAsync(ada.Page, "student-ranking-1-ballot");
        await ada.SubmitBallotAsync();
        await console.ClickAsync("Close voting, show results");
        await Expect(ada.Page.Locator(".results__item").First).ToContainTextAsync("Model weights");
        await Screenshots.TakeAsync(console.Page, "console-4-results");
        Assert.Empty(chrome.ScriptDialogs);
    }
}
