namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>A student on a phone is never left guessing: offline, after a reload, when the phase changes, when moderated.</summary>
public sealed class StudentScreenTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private const string AdaArgument = "Open weights let any lab reproduce and audit the results.";
    private const string BenArgument = "Closed models can be patched and recalled when misuse appears.";

    [Fact]
    public async Task Offline_the_phone_says_so_keeps_the_argument_waiting_and_says_it_was_saved_once_back()
    {
        var (console, ada, _) = await ArguingAsync("Offline is visible.");
        var context = ada.Page.Context;

        await context.SetOfflineAsync(true);

        var banner = ada.Page.Locator(".net-banner");
        await Expect(banner).ToContainTextAsync("You're offline.");
        await Expect(ada.Page.Locator(".topbar .connection")).ToHaveAttributeAsync("data-status", "offline");
        await ada.Page.GetByLabel("Your argument", new() { Exact = true }).FillAsync(AdaArgument);
        await ada.Page.GetByRole(AriaRole.Button, new() { Name = "Post argument" }).ClickAsync();
        await Expect(ada.Page.GetByRole(AriaRole.Button, new() { Name = "Waiting for the network…" })).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Your argument is waiting to be sent");
        await Expect(console.Page.Locator(".feed .argument").Filter(new() { HasText = AdaArgument })).ToHaveCountAsync(0);
        await CheckPhoneAsync(ada, "student-offline-1-waiting");

        await context.SetOfflineAsync(false);

        await Expect(banner).ToContainTextAsync("Back online. Your argument was saved.");
        await Expect(ada.Page.Locator(".argument").Filter(new() { HasText = AdaArgument })).ToContainTextAsync("you");
        await Expect(ada.Page.GetByLabel("Your argument", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        await Expect(console.Page.Locator(".feed .argument").Filter(new() { HasText = AdaArgument })).ToHaveCountAsync(1);
        await Expect(ada.Page.Locator(".topbar .connection")).ToHaveAttributeAsync("data-status", "connected");
        await CheckPhoneAsync(ada, "student-offline-2-back");
    }

    [Fact]
    public async Task An_unsent_rebuttal_and_an_unsubmitted_ranking_survive_a_reload_and_are_forgotten_once_acknowledged()
    {
        var (console, ada, ben) = await ArguingAsync("Drafts survive a reload.");
        await ben.PostAsync(BenArgument);
        await ada.Page.Locator(".argument").Filter(new() { HasText = BenArgument }).GetByRole(AriaRole.Button, new() { Name = "Rebut" }).ClickAsync();
        await ada.Page.GetByLabel("Your rebuttal", new() { Exact = true }).FillAsync("Recalls come too late once weights have leaked.");

        await ada.Page.ReloadAsync();

        await Expect(ada.Page.GetByLabel("Your rebuttal", new() { Exact = true })).ToHaveValueAsync("Recalls come too late once weights have leaked.");
        await Expect(ada.Page.Locator(".compose__reply")).ToContainTextAsync(BenArgument);
        await ada.Page.GetByRole(AriaRole.Button, new() { Name = "Post rebuttal" }).ClickAsync();
        await Expect(ada.Page.Locator(".argument--reply").Filter(new() { HasText = "Recalls come too late" })).ToBeVisibleAsync();
        await ada.Page.ReloadAsync();
        await Expect(ada.Page.GetByLabel("Your argument", new() { Exact = true })).ToHaveValueAsync(string.Empty);
        Assert.Equal(0, await DraftsAsync(ada));

        await console.ClickAsync("End arguing, start voting");
        await ada.WaitForPhaseAsync("Voting");
        await Expect(ada.Page.Locator(".hint--keyboard")).ToBeHiddenAsync();
        await ada.AddButton(BenArgument).ClickAsync();

        await ada.Page.ReloadAsync();

        await Expect(ada.Ranked).ToHaveCountAsync(1);
        await Expect(ada.Ranked.First).ToContainTextAsync(BenArgument);
        await ada.SubmitBallotAsync();
        await Expect(ada.Page.Locator(".notice--success")).ToContainTextAsync("Your vote is saved; this code proves it:");
        Assert.Equal(0, await DraftsAsync(ada));
    }

    [Fact]
    public async Task A_phase_change_brings_the_new_task_into_view_and_says_what_changed_on_screen_and_to_screen_readers()
    {
        var (console, ada, ben) = await ArguingAsync("Never lost.");
        await ada.PostAsync(AdaArgument);
        await ben.PostAsync(BenArgument);
        await ada.Page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");

        await console.ClickAsync("End arguing, start voting");

        await ada.WaitForPhaseAsync("Voting");
        var changed = "Round 1: voting is open. Rank up to 3 arguments.";
        await Expect(ada.Page.Locator("#task .notice").First).ToHaveTextAsync(changed);
        await Expect(ada.Page.Locator("p[role=status][aria-live=polite]")).ToHaveTextAsync(changed);
        await ada.Page.WaitForFunctionAsync("() => { const r = document.getElementById('task').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }");
        await Expect(ada.Page.Locator(".topbar .side")).ToBeInViewportAsync();
        await Expect(ada.Page.Locator(".topbar .phase-clock__time")).ToBeInViewportAsync();
        await CheckPhoneAsync(ada, "student-phase-changed");
    }

    [Fact]
    public async Task A_student_whose_argument_is_hidden_sees_which_and_why_and_a_renamed_student_is_told_their_new_name()
    {
        var (console, ada, ben) = await ArguingAsync("Moderation is explained.");
        await ada.PostAsync(AdaArgument);
        await Expect(ben.Page.Locator(".argument").Filter(new() { HasText = AdaArgument })).ToBeVisibleAsync();

        await console.Page.Locator(".feed .argument").Filter(new() { HasText = AdaArgument }).GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await console.Page.GetByLabel("Reason (kept in the transcript)").FillAsync("Off topic for this round");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Hide", Exact = true }).Last.ClickAsync();

        var notice = ada.Page.Locator(".moderation[data-hidden-argument]");
        await Expect(notice).ToContainTextAsync($"The instructor hid your argument “{AdaArgument}” in round 1. Reason: Off topic for this round.");
        await Expect(ben.Page.Locator(".argument").Filter(new() { HasText = AdaArgument })).ToHaveCountAsync(0);
        await Expect(ben.Page.Locator(".moderation")).ToHaveCountAsync(0);

        await console.RosterActionAsync("Ada", "Rename…");
        await console.Page.GetByLabel("New name").FillAsync("Ada L.");
        await console.Page.GetByRole(AriaRole.Button, new() { Name = "Rename", Exact = true }).Last.ClickAsync();

        var renamed = ada.Page.Locator(".moderation").Filter(new() { HasText = "changed your name" });
        await Expect(renamed).ToContainTextAsync("The instructor changed your name to Ada L. (you joined as Ada).");
        await Expect(ada.Page.Locator(".identity__name")).ToHaveTextAsync("Ada L.");
        await CheckPhoneAsync(ada, "student-moderated");
        await renamed.GetByRole(AriaRole.Button, new() { Name = "OK" }).ClickAsync();
        await ada.Page.ReloadAsync();
        await Expect(ada.Page.Locator(".identity__name")).ToHaveTextAsync("Ada L.");
        await Expect(renamed).ToHaveCountAsync(0);
        await Expect(notice).ToBeVisibleAsync();
    }

    /// <summary>A two-round debate in its first argue phase: Ada open and Ben closed, on phones.</summary>
    private async Task<(ConsolePage Console, StudentPage Ada, StudentPage Ben)> ArguingAsync(string motion)
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync(motion);
        var ada = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ada");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ben");
        await console.ClickAsync("Start the debate");
        await ada.WaitForPhaseAsync("Arguing");
        await ben.WaitForPhaseAsync("Arguing");
        return (console, ada, ben);
    }

    /// <summary>The phone's screen as it is now fits, passes axe, and is kept as a screenshot.</summary>
    private static async Task CheckPhoneAsync(StudentPage phone, string name)
    {
        Assert.Empty(await ScreenFit.SettledProblemsAsync(phone.Page, ScreenFit.Rules.Phone(Chromium.Phone)));
        await Axe.AssertCleanAsync(phone.Page, name);
        await Screenshots.TakeAsync(phone.Page, name, fullPage: false);
    }

    private static Task<int> DraftsAsync(StudentPage phone) =>
        phone.Page.EvaluateAsync<int>("() => Object.keys(localStorage).filter(k => k.startsWith('ocd.draft.')).length");
}
