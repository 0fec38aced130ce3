namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>Who can join, in the console and on the phones: capacity, approval, the waiting list and letting a student in.</summary>
public sealed class AdmissionInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    [Fact]
    public async Task A_student_who_joins_while_the_room_approves_joins_waits_on_their_phone_until_the_instructor_lets_them_in()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Only students the instructor lets in take part.");
        var entry = console.Page.GetByRole(AriaRole.Region, new() { Name = "Who can join" });
        await entry.GetByLabel("Room takes").FillAsync("35");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(entry).ToContainTextAsync("0 of 35 places taken");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Students wait for me to let them in" }).ClickAsync();
        await Expect(entry).ToContainTextAsync("On: new students wait until you let them in.");

        var phone = await chrome.OpenAsync(Chromium.Phone, phone: true);
        await phone.GotoAsync($"{server.BaseUrl}/");
        await phone.GetByLabel("Join code", new() { Exact = true }).FillAsync(code);
        await phone.GetByLabel("Your name", new() { Exact = true }).FillAsync("Wren");
        await phone.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();

        await Expect(phone.Locator(".waiting h2")).ToHaveTextAsync("Waiting to be let in");
        await Expect(phone.Locator(".topbar .side")).ToHaveTextAsync("Waiting");
        await Expect(entry.Locator(".entry__student")).ToContainTextAsync("Wren");
        await Expect(entry).ToContainTextAsync("1 of 35 places taken · 1 joined in the last minute");
        await Screenshots.TakeAsync(phone, "admission-phone-waiting-390x844");
        await Screenshots.TakeAsync(console.Page, "admission-console-waiting-1366x768");
        await Axe.AssertCleanAsync(phone, "phone waiting to be let in");
        await Axe.AssertCleanAsync(console.Page, "console with a student waiting");

        await entry.GetByRole(AriaRole.Button, new() { Name = "Let in" }).ClickAsync();

        await Expect(phone.Locator(".lobby h2")).ToHaveTextAsync("You're in!");
        await Expect(entry.Locator(".entry__waiting")).ToHaveCountAsync(0);
        await Expect(console.Page.Locator(".roster__student")).ToContainTextAsync("Wren");
        await Screenshots.TakeAsync(phone, "admission-phone-let-in-390x844");
    }
}
