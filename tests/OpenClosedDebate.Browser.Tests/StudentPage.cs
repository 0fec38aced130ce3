namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>A student on a phone.</summary>
public sealed class StudentPage(IPage page, string name)
{
    public IPage Page { get; } = page;

    public string Name { get; } = name;

    public static async Task<StudentPage> JoinByCodeAsync(Chromium chrome, string baseUrl, string code, string name) =>
        await JoinByCodeAsync(await chrome.OpenAsync(Chromium.Phone, phone: true), baseUrl, code, name);

    /// <summary>Joins on a page the test has already opened, e.g. to listen to it from its first load.</summary>
    public static async Task<StudentPage> JoinByCodeAsync(IPage page, string baseUrl, string code, string name)
    {
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

    public ILocator Side => Page.Locator(".topbar .side");

    public async Task WaitForPhaseAsync(string phase) =>
        await Assertions.Expect(Page.Locator(".topbar .phase-clock__phase")).ToHaveTextAsync(phase);

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

    /// <summary>
    /// Drags a choice into the ranking with the pointer, as a person does. Each step waits for what the
    /// page shows (the drag has begun; the item's placeholder is in the ranking) before the next.
    /// </summary>
    public async Task DragIntoRankingAsync(string choiceText)
    {
        var item = Choices.Filter(new() { HasText = choiceText }).Locator(".choice__label");
        var ranking = Page.Locator("[data-list=ranked]");
        var before = await Ranked.CountAsync();

        // Like a person on a phone: scroll so the ranking sits just below the sticky top bar, with the
        // choices under it on the same screen, then drag.
        await ranking.EvaluateAsync("list => window.scrollBy(0, list.getBoundingClientRect().top - document.querySelector('.topbar').getBoundingClientRect().bottom - 16)");
        var from = (await item.BoundingBoxAsync())!;
        var to = (await ranking.BoundingBoxAsync())!;
        var screen = Page.ViewportSize!;
        Assert.True(from.Y + from.Height < screen.Height && to.Y > 0, "The choice and the ranking must both be on screen to drag between them.");
        var (x, y) = (from.X + (from.Width / 2), from.Y + (from.Height / 2));
        var dropY = to.Y + Math.Min(to.Height / 2, 24);

        await Page.Mouse.MoveAsync(x, y);
        await Page.Mouse.DownAsync();
        await Page.Mouse.MoveAsync(x, y - 12, new() { Steps = 4 });
        await Page.Locator(".sortable-fallback").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Page.Mouse.MoveAsync(to.X + (to.Width / 2), dropY, new() { Steps = 15 });
        await ranking.Locator(".sortable-ghost").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Page.Mouse.UpAsync();
        await Assertions.Expect(Ranked).ToHaveCountAsync(before + 1);
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
