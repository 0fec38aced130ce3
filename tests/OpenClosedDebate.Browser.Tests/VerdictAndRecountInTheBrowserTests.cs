namespace OpenClosedDebate.Browser.Tests;

using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// Issue 12's class in the browser: each side gains one voter in six, and every screen says "A draw"; moderation
/// after the close is noted beside the recounts on the console and the review; erasing a student's data recounts.
/// </summary>
public sealed class VerdictAndRecountInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private const string AfterTheCount = "1 student removed, 1 argument hidden and 1 argument restored after the count; counted as at the close.";
    private const string RemovedAfterTheCount = "1 student removed after the count; counted as at the close.";

    [Fact]
    public async Task A_draw_shows_as_a_draw_on_the_phone_projector_console_and_review_and_moderation_after_the_close_is_noted_beside_every_recount()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareMotionVotesAroundAnArgumentRoundAsync("Frontier models should be open.");
        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        var smallProjector = await chrome.OpenAsync(new() { Width = 1280, Height = 720 });
        await smallProjector.GotoAsync(console.ProjectorUrl(code));
        var ann = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ann");
        var hub = new List<RoomClient>();
        foreach (var name in new[] { "Bob", "Cy", "Dee", "Eve", "Fay" })
        {
            hub.Add(await server.StudentAsync(code, name));
        }

        var (bob, cy, dee, eve, fay) = (hub[0], hub[1], hub[2], hub[3], hub[4]);
        try
        {
            // Before: For 3 (Ann, Bob, Cy), Against 1 (Dee), Undecided 2 (Eve, Fay).
            await console.ClickAsync("Start the debate");
            await ann.WaitForPhaseAsync("Voting");
            await VoteOnTheMotionAsync(ann, "For");
            await VoteAsync(0, (bob, "for"), (cy, "for"), (dee, "against"), (eve, "undecided"), (fay, "undecided"));
            await console.ClickAsync("Close voting, show results");
            await console.ClickAsync("Next round");

            // One argument round: Dee's argument is hidden while arguing; after the close Bob's is hidden and Dee's restored.
            await ann.WaitForPhaseAsync("Arguing");
            await ann.PostAsync("Open weights let anyone audit a model.");
            var bobs = (await bob.PostAsync("A closed lab can recall a model that misbehaves.")).Argument;
            await dee.PostAsync("Off topic, posted to be hidden.");
            await HideAsync(console, "Off topic, posted to be hidden.", "Off topic.");
            await console.ClickAsync("End arguing, start voting");
            await ann.WaitForPhaseAsync("Voting");
            await VoteAsync(1, (cy, bobs.Id.ToString()), (eve, bobs.Id.ToString()), (fay, bobs.Id.ToString()));
            await console.ClickAsync("Close voting, show results");
            await console.WaitForPhaseAsync("Results");
            await HideAsync(console, "A closed lab can recall a model that misbehaves.", "Duplicate.");
            await console.Page.Locator(".feed .argument").Filter(new() { HasText = "Off topic, posted to be hidden." }).GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
            await Expect(console.Page.Locator(".feed .argument").Filter(new() { HasText = "Off topic, posted to be hidden." }).GetByRole(AriaRole.Button, new() { Name = "Hide" })).ToBeVisibleAsync();
            await console.ClickAsync("Next round");

            // After: For 4 (Ann, Bob, Cy, Eve), Against 2 (Dee, Fay). Each side gained one voter in six.
            await ann.WaitForPhaseAsync("Voting");
            await VoteOnTheMotionAsync(ann, "For");
            await VoteAsync(2, (bob, "for"), (cy, "for"), (dee, "against"), (eve, "for"), (fay, "against"));
            await console.ClickAsync("Close voting, show results");

            await ann.WaitForPhaseAsync("Results");
            await Expect(ann.Page.Locator(".persuasion__verdict")).ToHaveTextAsync("A draw: both sides gained the same share of the vote.");
            await Expect(ann.Page.Locator(".persuasion__table tbody td:nth-child(4)")).ToHaveTextAsync(["+16.7 pts", "+16.7 pts", string.Empty]);
            await Screenshots.TakeAsync(ann.Page, "student-persuasion-draw");
            await Expect(projector.Locator(".persuasion-result__verdict")).ToHaveTextAsync("A draw");
            await Expect(projector.Locator(".persuasion-result__gains")).ToHaveTextAsync("For +16.7 pts · Against +16.7 pts");
            await Screenshots.TakeAsync(projector, "projector-persuasion-draw-1920x1080");
            await Expect(smallProjector.Locator(".persuasion-result__verdict")).ToHaveTextAsync("A draw");
            await Screenshots.TakeAsync(smallProjector, "projector-persuasion-draw-1280x720");

            // Changes of mind: a line for the class's movement, and only the two who moved in the table.
            var minds = console.Page.Locator(".mind-changes");
            await Expect(minds.Locator(".mind-changes__summary")).ToHaveTextAsync("2 of 6 students who voted both times changed their mind: 1 to For, 1 to Against.");
            await Expect(minds.GetByRole(AriaRole.Region, new() { Name = "Students who changed their mind" }).Locator("tbody tr")).ToHaveTextAsync(["EveUndecidedFor (changed)", "FayUndecidedAgainst (changed)"]);
            await Expect(minds.GetByRole(AriaRole.Region, new() { Name = "Everyone who voted on the motion" })).ToBeHiddenAsync();

            // Eve is removed after every round has closed. The comparison counts as at the close and says what happened.
            // The comparison updates itself as the removal arrives: no button to press.
            await console.RosterActionAsync("Eve", "Remove…");
            await Expect(console.Page.Locator(".roster")).ToContainTextAsync("Gone: Eve (removed)");
            // The comparison holds the argument round only: a motion vote has one count, so nothing to compare.
            var rounds = console.Page.Locator(".comparison__round");
            await Expect(rounds).ToHaveCountAsync(1);
            await Expect(rounds.Nth(0).Locator(".recount-note")).ToHaveTextAsync(AfterTheCount);
            await Expect(rounds.Nth(0).Locator(".comparison__methods ol").First.Locator("li").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("closed lab can recall"));
            await rounds.Nth(0).ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(console.Page, "console-comparison-recount-note");
            await AssertAxeCleanAsync(console.Page);

            await console.ClickAsync("Finish the debate");
            await Expect(projector.Locator(".projector__finished .persuasion-result__verdict")).ToHaveTextAsync("A draw");
            await Screenshots.TakeAsync(projector, "projector-finished-draw");

            // The review: the draw, and each round's note; then erasing Fay's data recounts without her.
            await console.Page.GetByRole(AriaRole.Link, new() { Name = "Review & export" }).ClickAsync();
            var page = console.Page;
            await Expect(page.Locator(".review .persuasion__verdict")).ToHaveTextAsync("A draw: both sides gained the same share of the vote.");
            var reviewed = page.Locator(".round-review");
            await Expect(reviewed.Nth(1).Locator(".recount-note")).ToHaveTextAsync(AfterTheCount);
            await Expect(reviewed.Nth(1).Locator(".comparison__method").First).ToHaveTextAsync("Borda count (shown to the class)");
            await Expect(page.Locator(".card .recount-note").First).ToHaveTextAsync(RemovedAfterTheCount);
            await Screenshots.TakeAsync(page, "console-review-recount-note");
            await AssertAxeCleanAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Remove data of Fay" }).ClickAsync();
            await Expect(reviewed.Nth(2).Locator(".recount-note")).ToHaveTextAsync("1 student removed after the count; counted as at the close; recounted without 1 student whose data was removed.");
            await Expect(reviewed.Nth(1).Locator(".comparison__method").First).ToHaveTextAsync("Borda count (recounted)");
            await Expect(page.Locator(".review .persuasion__verdict")).ToHaveTextAsync("The motion carries: the side for it gained more support.");
            await Screenshots.TakeAsync(page, "console-review-after-erase");
        }
        finally
        {
            foreach (var student in hub)
            {
                await student.DisposeAsync();
            }
        }
    }

    private static async Task VoteOnTheMotionAsync(StudentPage student, string choice)
    {
        var button = student.Page.GetByRole(AriaRole.Group, new() { Name = "Your vote on the motion" }).GetByRole(AriaRole.Button, new() { Name = choice, Exact = true });
        await button.ClickAsync();
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
    }

    private static async Task VoteAsync(int round, params (RoomClient Student, string Item)[] ballots)
    {
        foreach (var (student, item) in ballots)
        {
            await student.VoteAsync(round, [item]);
        }
    }

    private static async Task HideAsync(ConsolePage console, string text, string reason)
    {
        await console.Page.Locator(".feed .argument").Filter(new() { HasText = text }).GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await console.Page.GetByLabel("Reason (kept in the transcript)").FillAsync(reason);
        await console.Page.Locator("dialog.ask").GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await Expect(console.Page.Locator(".feed .argument").Filter(new() { HasText = text }).GetByRole(AriaRole.Button, new() { Name = "Restore" })).ToBeVisibleAsync();
    }

    private static async Task AssertAxeCleanAsync(IPage page)
    {
        var axe = await page.RunAxe();
        var problems = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
