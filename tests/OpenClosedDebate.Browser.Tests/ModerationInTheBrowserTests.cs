namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>Moderation before the wall, through the pages: the console's switch and queue, the projector, the author's phone.</summary>
public sealed class ModerationInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private const string Held = "Open weights let a school audit the model it is asked to trust.";

    [Fact]
    public async Task Pre_moderation_keeps_an_argument_off_the_projector_until_the_instructor_approves_it()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Schools should choose open models.");
        var moderation = console.Page.GetByRole(AriaRole.Region, new() { Name = "Moderation" });
        await moderation.GetByRole(AriaRole.Button, new() { Name = "Approve before the projector" }).ClickAsync();
        await Expect(moderation.GetByRole(AriaRole.Button, new() { Name = "Approve before the projector" })).ToHaveAttributeAsync("aria-pressed", "true");
        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        await Expect(projector.Locator(".projector__code")).ToHaveTextAsync(code);
        var ada = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ada");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        await Expect(console.Page.Locator(".roster__student")).ToHaveCountAsync(2);
        await console.ClickAsync("Start the debate");
        await ada.WaitForPhaseAsync("Arguing");

        await ada.PostAsync(Held);

        var queued = moderation.Locator(".moderation__item").Filter(new() { HasText = Held });
        await Expect(queued).ToBeVisibleAsync();
        await Expect(moderation.Locator("#moderation-title .count")).ToHaveTextAsync("1");
        await Expect(ada.Page.Locator(".argument--held").Filter(new() { HasText = Held })).ToContainTextAsync("Waiting for your instructor's approval");
        await Expect(ben.Page.Locator(".argument--held").Filter(new() { HasText = Held })).ToBeVisibleAsync();
        await Expect(ben.Page.Locator(".argument").Filter(new() { HasText = Held }).GetByRole(AriaRole.Button, new() { Name = "Rebut" })).ToHaveCountAsync(0);
        await Expect(projector.Locator(".projector__argument").Filter(new() { HasText = Held })).ToHaveCountAsync(0);
        await queued.ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(console.Page, "moderation-console-queue-1366x768", fullPage: false);
        await Screenshots.TakeAsync(projector, "moderation-projector-before-1920x1080");
        await Screenshots.TakeAsync(ada.Page, "moderation-phone-waiting-390x844");
        await Axe.AssertCleanAsync(console.Page, "console with an argument in the queue");
        await Axe.AssertCleanAsync(ada.Page, "phone with a held argument");

        await queued.GetByRole(AriaRole.Button, new() { Name = "Approve the argument by Ada" }).ClickAsync();

        await Expect(projector.Locator(".projector__page .projector__argument").Filter(new() { HasText = Held })).ToBeVisibleAsync();
        await Expect(moderation.Locator(".moderation__item")).ToHaveCountAsync(0);
        await Expect(ada.Page.Locator(".argument--held")).ToHaveCountAsync(0);
        await Expect(ben.Page.Locator(".argument").Filter(new() { HasText = Held }).GetByRole(AriaRole.Button, new() { Name = "Rebut" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(projector, "moderation-projector-after-1920x1080");
    }

    [Fact]
    public async Task A_name_the_word_filter_holds_shows_as_the_pseudonym_and_its_student_is_told_until_the_instructor_approves_it()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Schools should publish the models they use.");
        var held = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "B4stard");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");

        var notice = held.Page.Locator("[data-name-held]");
        await Expect(notice).ToContainTextAsync("Your instructor checks your name before the class sees it");
        var pseudonym = await notice.Locator("strong").InnerTextAsync();
        Assert.NotEqual("B4stard", pseudonym);
        await Screenshots.TakeAsync(held.Page, "moderation-phone-name-held-390x844", fullPage: false);
        await Axe.AssertCleanAsync(held.Page, "phone with a held name");

        var moderation = console.Page.GetByRole(AriaRole.Region, new() { Name = "Moderation" });
        var names = moderation.Locator(".entry__student");
        await Expect(names).ToHaveCountAsync(1);
        await Expect(names).ToContainTextAsync($"(shown as {pseudonym})");
        await console.ClickAsync("Start the debate");
        await ben.WaitForPhaseAsync("Arguing");

        // Running, the panel sits under the clock, where a teacher at 1366x768 sees it without scrolling.
        var box = await moderation.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y < Chromium.Laptop.Height, $"The moderation panel starts at {box.Y} px, below the fold of a {Chromium.Laptop.Height} px console.");
        await Screenshots.TakeAsync(console.Page, "moderation-console-name-held-1366x768", fullPage: false);

        await names.GetByRole(AriaRole.Button, new() { Name = "Approve name" }).ClickAsync();
        await Expect(names).ToHaveCountAsync(0);
        await Expect(notice).ToHaveCountAsync(0);
    }
}
