namespace OpenClosedDebate.Browser.Tests;

using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>The plan editor at 1366x768: no edit is ever lost, each problem shows at its field; and the debates list deletes and duplicates.</summary>
public sealed class PlanEditorInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    [Fact]
    public async Task An_edit_the_server_cannot_take_yet_warns_before_the_lobby_opens_or_the_page_is_left_and_survives_a_reload()
    {
        // A page of its own, whose dialogs this test answers (Chromium's pages accept every confirm).
        await using var context = await chrome.Browser.NewContextAsync(new() { ViewportSize = Chromium.Laptop, Locale = "en-GB", ReducedMotion = ReducedMotion.Reduce });
        var console = await ConsolePage.SignInAsync(await context.NewPageAsync(), server.BaseUrl);
        var page = console.Page;
        await console.ClickAsync("New from scratch");
        await console.WaitUntilSavedAsync();
        var id = page.Url.Split('/')[^1];

        await page.GetByLabel("Round 1 title", new() { Exact = true }).FillAsync("Weights and risks");
        await page.GetByLabel("Motion", new() { Exact = true }).FillAsync("   ");
        await Expect(page.Locator(".save-bar__status")).ToContainTextAsync("Not saved yet: 1 field needs fixing");
        await Expect(Field(page, "plan-motion")).ToContainTextAsync("The motion can't be empty.");

        await console.ClickAsync("Open the lobby");
        var warning = page.Locator(".unsaved-edits");
        await Expect(warning).ToContainTextAsync("Your latest edits to the plan aren't saved on the server: 1 field needs fixing first");
        await Screenshots.TakeAsync(page, "plan-editor-unsaved-at-lobby-1366x768", fullPage: false);
        await console.ClickAsync("Keep editing");
        await Expect(warning).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open the lobby" })).ToBeVisibleAsync();

        // Leaving for the debates list asks first; saying no stays with the edit.
        var asked = new List<string>();
        void Dismiss(object? _, IDialog d) { asked.Add($"{d.Type}: {d.Message}"); _ = d.DismissAsync(); }
        page.Dialog += Dismiss;
        await page.GetByRole(AriaRole.Link, new() { Name = "OpenClosed Debate" }).ClickAsync();
        Assert.Equal(["confirm: Your latest edits to the plan are not saved on the server yet. They stay in this browser. Leave anyway?"], asked);
        page.Dialog -= Dismiss;
        await Expect(page.GetByLabel("Round 1 title", new() { Exact = true })).ToHaveValueAsync("Weights and risks");

        // A reload (the browser warns first; here the instructor goes ahead) brings the edit back from this browser.
        void Accept(object? _, IDialog d) { asked.Add(d.Type); _ = d.AcceptAsync(); }
        page.Dialog += Accept;
        await page.ReloadAsync();
        page.Dialog -= Accept;
        Assert.Equal("beforeunload", asked[^1]);
        await Expect(page.GetByText("We restored edits to this plan that were made in this browser and not yet saved.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Round 1 title", new() { Exact = true })).ToHaveValueAsync("Weights and risks");
        await Expect(Field(page, "plan-motion")).ToContainTextAsync("The motion can't be empty.");

        // Fixed, it saves by itself; the server has it, and a reload shows it with nothing left to restore.
        await page.GetByLabel("Motion", new() { Exact = true }).FillAsync("Weights should be published.");
        await console.WaitUntilSavedAsync();
        var saved = await page.APIRequest.GetAsync($"{server.BaseUrl}/api/debates/{id}");
        using (var json = JsonDocument.Parse(await saved.TextAsync()))
        {
            var plan = json.RootElement.GetProperty("plan");
            Assert.Equal("Weights should be published.", plan.GetProperty("motion").GetString());
            Assert.Equal("Weights and risks", plan.GetProperty("rounds")[0].GetProperty("title").GetString());
        }

        await page.ReloadAsync();
        await Expect(page.GetByLabel("Motion", new() { Exact = true })).ToHaveValueAsync("Weights should be published.");
        await Expect(page.GetByText("We restored edits")).ToHaveCountAsync(0);
        await console.ClickAsync("Open the lobby");
        await Expect(page.Locator(".join-info__code")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Each_problem_shows_at_its_own_field_whether_the_console_or_the_server_found_it()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var page = console.Page;
        await console.ClickAsync("New from scratch");
        await console.WaitUntilSavedAsync();

        // Found in the console: a vote of 5 seconds, typed as minutes and seconds.
        await page.GetByLabel("Voting minutes", new() { Exact = true }).FillAsync("0");
        await page.GetByLabel("Voting seconds", new() { Exact = true }).FillAsync("5");
        var voting = page.Locator("fieldset.duration:has(#plan-rounds-0-voteSeconds)");
        await Expect(voting).ToContainTextAsync("The vote phase of round 1 must last between 10 seconds and 2 hours.");
        await Expect(page.GetByLabel("Voting seconds", new() { Exact = true })).ToHaveAttributeAsync("aria-describedby", "plan-rounds-0-voteSeconds-error");

        // A pre-reading link that isn't a web address.
        await console.ClickAsync("Add a reading");
        await page.GetByLabel("Reading 1 title", new() { Exact = true }).FillAsync("Open-Source AI Is Good for Us");
        await page.GetByLabel("Reading 1 link", new() { Exact = true }).FillAsync("spectrum.ieee.org/open-source-ai-good");
        await Expect(Field(page, "plan-preReading-0-url")).ToContainTextAsync("Reading 1 needs an http or https link.");
        await Expect(Field(page, "plan-preReading-0-title")).Not.ToContainTextAsync("⚠");
        await Screenshots.TakeAsync(page, "plan-editor-expanded-with-errors-1366x768", fullPage: false);
        await Axe.AssertCleanAsync(page, "plan editor with errors");

        await page.GetByLabel("Voting minutes", new() { Exact = true }).FillAsync("1");
        await page.GetByLabel("Reading 1 link", new() { Exact = true }).FillAsync("https://spectrum.ieee.org/open-source-ai-good");
        await console.WaitUntilSavedAsync();

        // Found only by the server: devil's advocate sides need a motion vote before the first argument round.
        await page.GetByLabel("Sides", new() { Exact = true }).SelectOptionAsync("devilsAdvocate");
        await Expect(Field(page, "plan-settings-sideAssignment")).ToContainTextAsync("Devil's advocate sides need a motion vote before the first argument round.");
        await Expect(page.Locator(".save-bar__status")).ToContainTextAsync("Not saved yet: 1 field needs fixing");
        await page.Locator("#plan-settings-heading").ScrollIntoViewIfNeededAsync();
        await page.EvaluateAsync("() => document.getElementById('plan-settings-heading').scrollIntoView({ block: 'start' })");
        await Screenshots.TakeAsync(page, "plan-editor-server-error-1366x768", fullPage: false);

        await console.ClickAsync("Add motion vote");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move round 2 up" }).ClickAsync();
        await console.WaitUntilSavedAsync();
        await Expect(page.Locator(".field__error")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_long_plan_opens_with_its_rounds_collapsed_to_a_summary_line_and_a_round_with_a_problem_says_so()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var page = console.Page;
        await page.GetByRole(AriaRole.Button, new() { Name = "New from “Open and Closed Models”" }).ClickAsync();
        await console.WaitUntilSavedAsync();

        var rounds = page.Locator(".round-editor");
        await Expect(rounds).ToHaveCountAsync(9);
        await Expect(page.Locator(".round-editor__toggle[aria-expanded=true]")).ToHaveCountAsync(0);
        await Expect(rounds.Nth(2).Locator(".round-editor__summary")).ToContainTextAsync("Argument round · arguing");
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height < 2600, $"The collapsed plan is {height} px tall.");

        var third = page.GetByRole(AriaRole.Button, new() { Name = "Round 3:" });
        await third.ClickAsync();
        await page.GetByLabel("Round 3 title", new() { Exact = true }).FillAsync("");
        await Expect(Field(page, "plan-rounds-2-title")).ToContainTextAsync("The title of round 3 can't be empty.");
        await third.ClickAsync();
        await Expect(rounds.Nth(2).Locator(".round-editor__problems")).ToHaveTextAsync("1 to fix");
        await page.Locator("#plan-rounds-heading").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(page, "plan-editor-collapsed-1366x768", fullPage: false);
        await Axe.AssertCleanAsync(page, "plan editor collapsed");

        await console.ClickAsync("Show the first problem");
        await Expect(page.GetByLabel("Round 3 title", new() { Exact = true })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Deleting_a_debate_asks_first_and_duplicating_one_makes_a_new_draft_with_its_plan_and_a_new_code()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var page = console.Page;
        await console.ClickAsync("New from scratch");
        await page.GetByLabel("Motion", new() { Exact = true }).FillAsync("Frontier weights should be published.");
        await page.GetByLabel("Round 1 title", new() { Exact = true }).FillAsync("Safety");
        await console.WaitUntilSavedAsync();
        var code = (await page.Locator(".debate-header__status .mono").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Link, new() { Name = "OpenClosed Debate" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Duplicate “Frontier weights should be published.”" }).ClickAsync();
        await Expect(page.GetByLabel("Round 1 title", new() { Exact = true })).ToHaveValueAsync("Safety");
        await Expect(page.GetByLabel("Motion", new() { Exact = true })).ToHaveValueAsync("Frontier weights should be published.");
        var copyCode = (await page.Locator(".debate-header__status .mono").TextContentAsync())!.Trim();
        Assert.NotEqual(code, copyCode);

        await page.GetByRole(AriaRole.Link, new() { Name = "OpenClosed Debate" }).ClickAsync();
        var rows = page.Locator("tbody tr", new() { HasText = "Frontier weights should be published." });
        await Expect(rows).ToHaveCountAsync(2);
        var original = page.Locator("tbody tr", new() { HasText = code });
        await original.GetByRole(AriaRole.Button, new() { Name = "Delete “Frontier weights should be published.”" }).ClickAsync();
        await Expect(original).ToContainTextAsync("Delete this debate? No student has joined it. This can't be undone.");
        await Screenshots.TakeAsync(page, "debate-list-delete-confirm-1366x768", fullPage: false);
        await Axe.AssertCleanAsync(page, "debates list asking to delete");
        await original.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(2);

        await original.GetByRole(AriaRole.Button, new() { Name = "Delete “Frontier weights should be published.”" }).ClickAsync();
        await original.GetByRole(AriaRole.Button, new() { Name = "Yes, delete" }).ClickAsync();
        await Expect(page.GetByText($"Deleted “Frontier weights should be published.” (code {code}) and everything in it.")).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync(copyCode);
        await page.ReloadAsync();
        await Expect(page.Locator("tbody tr", new() { HasText = "Frontier weights should be published." })).ToHaveCountAsync(1);
    }

    /// <summary>The field around the input with this id: its label, the input and its error.</summary>
    private static ILocator Field(IPage page, string inputId) => page.Locator($".field:has(#{inputId})");
}
