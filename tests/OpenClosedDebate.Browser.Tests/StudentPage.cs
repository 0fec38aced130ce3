namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>A student on a phone.</summary>
public sealed class StudentPage(IPage page, string name)
{
    public IPage Page { get; } = page;

    public string Name { get; } = name;

    public static async Task<StudentPage> JoinByCodeAsync(Chromium chrome, string baseUrl, string code, string name)
    {
        var page = await chrome.OpenAsync(Chromium.Phone, phone: true);
        await page.GotoAsync($"{baseUrl}/");
        await page.GetByLabel("Join code", new() { Exact = true }).FillAsync(code.ToLowerInvariant());
        return await EnterNameAsync(page, name);
    }

    /// <summary>Joins from the link the QR code carries: the code is already filled in.</summary>
    public static async Task<StudentPage> JoinByLinkAsync(Chromium chrome, string baseUrl, string code, string name)
    {
        var page = await chrome.OpenAsync(Chromium.Phone, phone: true);
        await page.GotoAsync($"{baseUrl}/j/{code}");
        await Assertions.Expect(page.GetByLabel("Join code", new() { Exact = true })).ToHaveValueAsync(code);
        return await EnterNameAsync(page, name);
    }

    public ILocator Side => Page.Locator(".identity .side");

    public async Task WaitForPhaseAsync(string phase) =>
        await Assertions.Expect(Page.Locator(".round .countdown__phase")).ToHaveTextAsync(phase);

    public async Task PostAsync(string text)
    {
        await Page.GetByLabel("Your argument", new() { Exact = true }).FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post argument" }).ClickAsync();
        await Assertions.Expect(Page.GetByLabel("Your argument", new() { Exact = true })).ToHaveValueAsync(string.Empty);
    }

    public async Task RebutAsync(string argumentText, string text)
    {
        var card = Page.Locator(".argument").Filter(new() { HasText = argumentText });
        await card.GetByRole(AriaRole.Button, new() { Name = "Rebut" }).ClickAsync();
        await Page.GetByLabel("Your rebuttal", new() { Exact = true }).FillAsync(text);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Post rebuttal" }).ClickAsync();
        await Assertions.Expect(Page.Locator(".argument--reply").Filter(new() { HasText = text })).ToBeVisibleAsync();
    }

    public ILocator Ranked => Page.Locator("[data-list=ranked] > li");

    public ILocator Choices => Page.Locator("[data-list=available] > li");

    /// <summary>Drags a choice into the ranking with the pointer, as a person does.</summary>
    public async Task DragIntoRankingAsync(string choiceText)
    {
        var item = Choices.Filter(new() { HasText = choiceText }).Locator(".choice__label");
        var target = Page.Locator("[data-list=ranked]");

        // Like a person on a phone: scroll the ballot into view first, then drag.
        await target.EvaluateAsync("list => list.scrollIntoView({ block: 'start' })");
        var from = (await item.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await Page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2));
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + (from.Height / 2) - 10, new() { Steps = 4 });
        await Page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + (to.Height / 2), new() { Steps = 12 });
        await Page.Mouse.UpAsync();
    }

    /// <summary>The Add button of a choice. Button names carry the start of long arguments.</summary>
    public ILocator AddButton(string choiceText) =>
        Page.GetByRole(AriaRole.Button, new() { NameRegex = new("^Add: " + System.Text.RegularExpressions.Regex.Escape(choiceText[..Math.Min(40, choiceText.Length)])) });

    public async Task SubmitBallotAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { NameRegex = new("Submit my ballot|Update my ballot") }).ClickAsync();
        await Assertions.Expect(Page.Locator(".receipt")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[2-9A-Z]{4}-[2-9A-Z]{4}$"));
    }

    private static async Task<StudentPage> EnterNameAsync(IPage page, string name)
    {
        await page.GetByLabel("Your name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();
        await Assertions.Expect(page.Locator(".identity__name")).ToHaveTextAsync(name);
        return new StudentPage(page, name);
    }
}
