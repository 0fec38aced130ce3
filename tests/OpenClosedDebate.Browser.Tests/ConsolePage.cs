namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>The instructor's console on a laptop.</summary>
public sealed class ConsolePage(IPage page, string baseUrl)
{
    public IPage Page { get; } = page;

    public static async Task<ConsolePage> SignInAsync(Chromium chrome, string baseUrl) =>
        await SignInAsync(await chrome.OpenAsync(Chromium.Laptop), baseUrl);

    /// <summary>Signs in on a page the test has already opened, e.g. to listen to it from its first load.</summary>
    public static async Task<ConsolePage> SignInAsync(IPage page, string baseUrl)
    {
        await page.GotoAsync($"{baseUrl}/instructor");
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(WebServer.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your debates" })).ToBeVisibleAsync();
        return new ConsolePage(page, baseUrl);
    }

    /// <summary>
    /// Creates a debate from scratch with two argument rounds, alternating sides and long phases,
    /// through the plan editor, and opens its lobby. Returns the join code. <paramref name="reveal"/>
    /// "onClick" keeps each result from the class until the instructor reveals it.
    /// </summary>
    public async Task<string> PrepareTwoRoundDebateAsync(string motion, string method = "borda", string reveal = "atOnce")
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "New from scratch" }).ClickAsync();
        await Page.GetByLabel("Motion", new() { Exact = true }).FillAsync(motion);
        await Page.GetByLabel("Sides", new() { Exact = true }).SelectOptionAsync("alternating");
        await Page.GetByLabel("How ballots are counted", new() { Exact = true }).SelectOptionAsync(method);
        await Page.GetByLabel("Show each round's results", new() { Exact = true }).SelectOptionAsync(reveal);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add argument round" }).ClickAsync();
        await Page.GetByLabel("Round 2 title", new() { Exact = true }).FillAsync("Risks and caveats");
        return await SaveWithLongPhasesAndOpenLobbyAsync();
    }

    /// <summary>
    /// Creates a debate from scratch with a motion vote before and after one argument round (Oxford style),
    /// alternating sides and long phases, and opens its lobby. Returns the join code.
    /// </summary>
    public async Task<string> PrepareMotionVotesAroundAnArgumentRoundAsync(string motion)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "New from scratch" }).ClickAsync();
        await Page.GetByLabel("Motion", new() { Exact = true }).FillAsync(motion);
        await Page.GetByLabel("Sides", new() { Exact = true }).SelectOptionAsync("alternating");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add argument round" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add motion vote" }).ClickAsync();
        await Page.GetByLabel("Round 1 kind", new() { Exact = true }).SelectOptionAsync("motionVote");
        return await SaveWithLongPhasesAndOpenLobbyAsync();
    }

    /// <summary>The roster's row of a student (while it is rendered: the roster shows only the rows in view).</summary>
    public ILocator RosterRow(string name) =>
        Page.Locator(".roster__student").Filter(new() { Has = Page.Locator(".roster__name").GetByText(name, new() { Exact = true }) });

    /// <summary>Opens a student's row menu in the roster and picks an action, e.g. "Rename…" or "Remove…".</summary>
    public async Task RosterActionAsync(string name, string action)
    {
        await RosterRow(name).GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Menu, new() { Name = $"Actions for {name}" }).GetByRole(AriaRole.Menuitem, new() { Name = action, Exact = true }).ClickAsync();
    }

    public Task ClickAsync(string button) => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    public async Task WaitForPhaseAsync(string phase) =>
        await Assertions.Expect(Page.Locator(".run .countdown__phase")).ToHaveTextAsync(phase);

    public string ProjectorUrl(string code) => $"{baseUrl}/projector/{code}";

    /// <summary>The plan editor's save bar has the server up to date with every edit.</summary>
    public async Task WaitUntilSavedAsync() =>
        await Assertions.Expect(Page.Locator(".save-bar__status")).ToHaveTextAsync("All changes saved.");

    /// <summary>Gives every phase 15 minutes, so none ends by itself during a test, waits for the plan to save and opens the lobby.</summary>
    private async Task<string> SaveWithLongPhasesAndOpenLobbyAsync()
    {
        foreach (var label in new[] { "Arguing", "Voting" })
        {
            var minutes = Page.GetByLabel($"{label} minutes", new() { Exact = true });
            var seconds = Page.GetByLabel($"{label} seconds", new() { Exact = true });
            for (var i = 0; i < await minutes.CountAsync(); i++)
            {
                await minutes.Nth(i).FillAsync("15");
                await seconds.Nth(i).FillAsync("0");
            }
        }

        await WaitUntilSavedAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the lobby" }).ClickAsync();
        var code = Page.Locator(".join-info__code");
        await Assertions.Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{6}$"));
        return (await code.TextContentAsync())!.Trim();
    }
}
