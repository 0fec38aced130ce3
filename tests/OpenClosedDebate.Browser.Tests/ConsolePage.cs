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
    /// through the plan editor, and opens its lobby. Returns the join code.
    /// </summary>
    public async Task<string> PrepareTwoRoundDebateAsync(string motion, string method = "borda")
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "New from scratch" }).ClickAsync();
        await Page.GetByLabel("Motion", new() { Exact = true }).FillAsync(motion);
        await Page.GetByLabel("Sides", new() { Exact = true }).SelectOptionAsync("alternating");
        await Page.GetByLabel("How ballots are counted", new() { Exact = true }).SelectOptionAsync(method);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add argument round" }).ClickAsync();
        await Page.GetByLabel("Round 2 title", new() { Exact = true }).FillAsync("Risks and caveats");
        foreach (var label in new[] { "Arguing (s)", "Voting (s)" })
        {
            var fields = Page.GetByLabel(label, new() { Exact = true });
            for (var i = 0; i < await fields.CountAsync(); i++)
            {
                await fields.Nth(i).FillAsync("900");
            }
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Save the plan" }).ClickAsync();
        await Assertions.Expect(Page.GetByText("Saved.")).ToBeVisibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open the lobby" }).ClickAsync();
        var code = Page.Locator(".join-info__code");
        await Assertions.Expect(code).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{6}$"));
        return (await code.TextContentAsync())!.Trim();
    }

    public Task ClickAsync(string button) => Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();

    public async Task WaitForPhaseAsync(string phase) =>
        await Assertions.Expect(Page.Locator(".run .countdown__phase")).ToHaveTextAsync(phase);

    public string ProjectorUrl(string code) => $"{baseUrl}/projector/{code}";
}
