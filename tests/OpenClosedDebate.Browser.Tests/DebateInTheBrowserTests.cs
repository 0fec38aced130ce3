namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>A whole class through the pages only: the instructor's console, three phones and the projector.</summary>
public sealed class DebateInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private const string AdaArgument = "Open weights let any lab reproduce and audit the results.";
    private const string BenArgument = "Closed models can be patched and recalled when misuse appears.";
    private const string CyArgument = "Open models keep a few companies from owning the field.";
    private const string BenRebuttal = "Audits mean little if anyone can strip the safety tuning.";

    [Fact]
    public async Task A_class_runs_a_two_round_debate_entirely_through_the_browser()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Open models do more good than harm.");
        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        await Expect(projector.Locator(".projector__code")).ToHaveTextAsync(code);

        var ada = await StudentPage.JoinByLinkAsync(chrome, server.BaseUrl, code, "Ada");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        var cy = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Cy");
        await Expect(ada.Side).ToHaveTextAsync("OPEN");
        await Expect(ben.Side).ToHaveTextAsync("CLOSED");
        await Expect(cy.Side).ToHaveTextAsync("OPEN");
        await Expect(projector.Locator(".tally-pill--open strong")).ToHaveTextAsync("2");
        await Expect(console.Page.Locator(".roster__student")).ToHaveCountAsync(3);
        await Screenshots.TakeAsync(ada.Page, "student-1-lobby");
        await Screenshots.TakeAsync(console.Page, "console-1-lobby");
        await Screenshots.TakeAsync(projector, "projector-1-lobby");

        await console.ClickAsync("Start the debate");
        await ada.WaitForPhaseAsync("Arguing");
        await ada.PostAsync(AdaArgument);
        await ben.PostAsync(BenArgument);
        await cy.PostAsync(CyArgument);
        await ben.RebutAsync(AdaArgument, BenRebuttal);
        await Expect(projector.Locator(".projector__page .projector__argument").Filter(new() { HasText = BenRebuttal })).ToBeVisibleAsync();
        await Expect(ada.Page.Locator(".argument--reply").Filter(new() { HasText = BenRebuttal })).ToBeVisibleAsync();
        await Expect(console.Page.Locator(".feed .argument")).ToHaveCountAsync(4);
        await Screenshots.TakeAsync(ada.Page, "student-2-argue");
        await Screenshots.TakeAsync(console.Page, "console-2-argue");
        await Screenshots.TakeAsync(projector, "projector-2-argue");

        await console.ClickAsync("End arguing, start voting");
        await ada.WaitForPhaseAsync("Voting");

        // Ada ranks by dragging with the pointer.
        await ada.DragIntoRankingAsync(BenRebuttal);
        await ada.DragIntoRankingAsync(BenArgument);
        await Expect(ada.Ranked).ToHaveCountAsync(2);
        var adaOrder = await ada.Ranked.AllTextContentsAsync();
        var adaPlaceOfBen = adaOrder.ToList().FindIndex(t => t.Contains(BenArgument, StringComparison.Ordinal));
        Assert.InRange(adaPlaceOfBen, 0, 1);
        await Screenshots.TakeAsync(ada.Page, "student-3-ballot");
        await ada.SubmitBallotAsync();

        // Ben ranks with the keyboard only: Enter on the Add buttons, then arrow keys on a ranked item.
        await ben.AddButton(AdaArgument).FocusAsync();
        await ben.Page.Keyboard.PressAsync("Enter");
        await ben.AddButton(CyArgument).FocusAsync();
        await ben.Page.Keyboard.PressAsync("Enter");
        await Expect(ben.Ranked).ToHaveCountAsync(2);
        await ben.Ranked.Nth(1).FocusAsync();
        await ben.Page.Keyboard.PressAsync("ArrowUp");
        await Expect(ben.Ranked.Nth(0)).ToContainTextAsync(CyArgument);
        await Expect(ben.Ranked.Nth(0)).ToBeFocusedAsync();
        await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Submit my ballot" }).FocusAsync();
        await ben.Page.Keyboard.PressAsync("Enter");
        await Expect(ben.Page.Locator(".receipt")).ToBeVisibleAsync();

        // Cy uses the buttons.
        await cy.AddButton(BenArgument).ClickAsync();
        await cy.SubmitBallotAsync();
        await Screenshots.TakeAsync(cy.Page, "student-4-ballot-receipt");

        await Expect(console.Page.Locator(".tally")).ToContainTextAsync("3 of 3 voted · 3 connected");
        await Screenshots.TakeAsync(console.Page, "console-3-vote");
        await Expect(ada.Page.Locator(".results")).ToHaveCountAsync(0);

        await console.ClickAsync("Close voting, show results");
        await ada.WaitForPhaseAsync("Results");
        // Borda with K = 3: Cy ranked Ben's argument first (3 points); Ada gave it 3 or 2 by where she dropped it.
        var first = ada.Page.Locator(".results__item").First;
        await Expect(first).ToContainTextAsync(BenArgument);
        await Expect(first).ToContainTextAsync($"{3 + (3 - adaPlaceOfBen)} pts");
        await Expect(projector.Locator(".ranking-result__winner")).ToContainTextAsync(BenArgument);
        await Screenshots.TakeAsync(ada.Page, "student-5-results");
        await Screenshots.TakeAsync(projector, "projector-3-results");

        await console.ClickAsync("Next round");
        await cy.WaitForPhaseAsync("Arguing");
        await Expect(cy.Page.Locator(".round__title")).ToHaveTextAsync("Risks and caveats");
        await cy.PostAsync("Caveat: open weights need staged release for the most capable models.");
        await console.ClickAsync("End arguing, start voting");
        await ben.WaitForPhaseAsync("Voting");
        await ben.Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add: Caveat") }).ClickAsync();
        await ben.SubmitBallotAsync();
        await console.ClickAsync("Close voting, show results");
        await console.ClickAsync("Finish the debate");

        foreach (var student in new[] { ada, ben, cy })
        {
            await Expect(student.Page.GetByRole(AriaRole.Heading, new() { Name = "The debate is over. Thank you!" })).ToBeVisibleAsync();
        }

        await Expect(projector.Locator(".projector__finished")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(ada.Page, "student-6-finished");
        await Screenshots.TakeAsync(projector, "projector-4-finished");
        Assert.Empty(chrome.ScriptDialogs);
    }

    [Fact]
    public async Task A_student_who_reloads_mid_round_is_back_in_place_with_their_argument_and_ballot()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Reloading loses nothing.");
        var ada = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ada");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        await console.ClickAsync("Start the debate");
        await ada.WaitForPhaseAsync("Arguing");
        await ada.PostAsync(AdaArgument);
        await ben.PostAsync(BenArgument);

        await ada.Page.ReloadAsync();

        await Expect(ada.Page.Locator(".identity__name")).ToHaveTextAsync("Ada");
        await Expect(ada.Side).ToHaveTextAsync("OPEN");
        await Expect(ada.Page.Locator(".argument").Filter(new() { HasText = AdaArgument })).ToContainTextAsync("you");
        await ada.WaitForPhaseAsync("Arguing");

        await console.ClickAsync("End arguing, start voting");
        await ada.AddButton(BenArgument).ClickAsync();
        await ada.SubmitBallotAsync();
        var receipt = await ada.Page.Locator(".receipt").TextContentAsync();

        await ada.Page.ReloadAsync();

        await ada.WaitForPhaseAsync("Voting");
        await Expect(ada.Page.Locator(".receipt")).ToHaveTextAsync(receipt!);
        await Expect(ada.Ranked).ToHaveCountAsync(1);
        await Expect(ada.Ranked.First).ToContainTextAsync(BenArgument);
        await Expect(ada.Page.Locator(".connection")).ToHaveAttributeAsync("data-status", "connected");
    }

    [Fact]
    public async Task An_argument_and_a_name_made_of_markup_show_as_text_everywhere_and_run_nothing()
    {
        const string payload = "<img src=x onerror=alert(1)>";
        const string name = "<b onmouseover=alert(2)>Eve";
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Markup stays text.");
        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        var eve = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, name);
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        await console.ClickAsync("Start the debate");
        await eve.WaitForPhaseAsync("Arguing");

        await eve.PostAsync(payload);

        foreach (var page in new[] { eve.Page, ben.Page, console.Page })
        {
            var text = page.Locator(".argument__text").Filter(new() { HasText = payload });
            await Expect(text).ToHaveTextAsync(payload);
            await Expect(text.Locator("img")).ToHaveCountAsync(0);
            await Expect(page.Locator(".argument__author").Filter(new() { HasText = name })).ToHaveTextAsync(name);
        }

        await Expect(projector.Locator(".projector__page .projector__argument p")).ToHaveTextAsync(payload);
        await Expect(projector.Locator(".projector__argument img")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator(".roster__name")).ToContainTextAsync([name, "Ben"]);
        await console.Page.Locator(".roster__name").Filter(new() { HasText = name }).HoverAsync();
        Assert.Empty(chrome.ScriptDialogs);
    }
}
