namespace OpenClosedDebate.Browser.Tests;

using static Microsoft.Playwright.Assertions;

/// <summary>
/// A server listening on localhost only, opened on localhost: no phone can reach it. The console says so and how to
/// fix it, and the projector shows the code without a QR code that would send phones nowhere.
/// </summary>
public sealed class UnreachableAddressInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    [Fact]
    public async Task A_server_phones_cannot_reach_says_so_on_the_console_and_the_projector_shows_no_QR_code()
    {
        var host = new Uri(server.BaseUrl).Authority;
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Phones need an address they can reach.");

        var warning = console.Page.Locator(".notice--error").Filter(new() { HasText = "Phones can't reach" });
        await Expect(warning).ToContainTextAsync($"Phones can't reach {host}.");
        await Expect(warning).ToContainTextAsync("--urls http://0.0.0.0:5080");
        await Expect(warning).ToContainTextAsync("PublicUrl");
        await Expect(console.Page.Locator(".join-info img.qr")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator(".join-info__noqr")).ToHaveTextAsync("No QR code until phones can reach the server");
        await Screenshots.TakeAsync(console.Page, "join-address-console-unreachable-1366x768", fullPage: false);
        await Axe.AssertCleanAsync(console.Page, "console with no address phones can reach");

        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        await Expect(projector.Locator(".projector__code")).ToHaveTextAsync(code);
        await Expect(projector.Locator(".projector__unreachable")).ToHaveTextAsync("Phones can't reach this address yet.");
        await Expect(projector.Locator("img.join-corner__qr")).ToHaveCountAsync(0);
        await Expect(projector.Locator(".join-corner__qr--none")).ToContainTextAsync("No QR code");
        Assert.Empty(await ScreenFit.SettledProblemsAsync(projector, ScreenFit.Rules.Projector(Chromium.Projector)));
        await Screenshots.TakeAsync(projector, "join-address-projector-unreachable-1920x1080");
    }
}
