namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenClosedDebate.Server.Auth;
using static Microsoft.Playwright.Assertions;

/// <summary>A server as a fresh install leaves it: no instructor account yet.</summary>
public sealed class FreshServer() : WebServer(withInstructor: false)
{
    /// <summary>A new one-time setup link's token, as the server would print at start-up.</summary>
    public string IssueSetupToken() => Services.GetRequiredService<SetupLink>().IssueAsync().GetAwaiter().GetResult();
}

/// <summary>The first instructor's way in: the sign-in page says how to get an account, the setup page says when it is done.</summary>
public sealed class FirstInstructorInTheBrowserTests(Chromium chrome, FreshServer server) : IClassFixture<Chromium>, IClassFixture<FreshServer>
{
    [Fact]
    public async Task Sign_in_explains_the_first_account_and_setup_says_at_once_when_it_is_done()
    {
        var page = await chrome.OpenAsync(Chromium.Laptop);

        await page.GotoAsync($"{server.BaseUrl}/instructor");
        var hint = page.Locator(".notice").Filter(new() { HasText = "No instructor account exists yet." });
        await Expect(hint).ToBeVisibleAsync();
        await Expect(hint).ToContainTextAsync("/setup?token=");
        await Expect(hint).ToContainTextAsync("instructor add");
        await Screenshots.TakeAsync(page, "first-instructor-sign-in-1366x768", fullPage: false);
        await Axe.AssertCleanAsync(page, "sign-in with no account yet");

        await page.GotoAsync($"{server.BaseUrl}/setup?token={server.IssueSetupToken()}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create the first instructor" })).ToBeVisibleAsync();
        await page.GetByLabel("E-mail", new() { Exact = true }).FillAsync(WebServer.Email);
        await page.GetByLabel("Password (at least 10 characters)", new() { Exact = true }).FillAsync(WebServer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your debates" })).ToBeVisibleAsync();

        // Another browser, with the old link: it says at once that setup is done, before anything is typed.
        var late = await chrome.OpenAsync(Chromium.Phone);
        await late.GotoAsync($"{server.BaseUrl}/setup?token=0123456789abcdef0123456789abcdef");
        await Expect(late.GetByRole(AriaRole.Heading, new() { Name = "Setup is already done" })).ToBeVisibleAsync();
        await Expect(late.GetByLabel("E-mail", new() { Exact = true })).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(late, "first-instructor-setup-done-390x844", fullPage: false);
        await late.GetByRole(AriaRole.Link, new() { Name = "Go to sign-in" }).ClickAsync();
        await Expect(late.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(late.Locator(".notice").Filter(new() { HasText = "No instructor account exists yet." })).ToHaveCountAsync(0);
    }
}
