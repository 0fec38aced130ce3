namespace OpenClosedDebate.Browser.Tests;

using static Microsoft.Playwright.Assertions;

/// <summary>The counting method the instructor picks decides what the class sees, with its working shown.</summary>
public sealed class CountingMethodsInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private static readonly string[] Arguments =
    [
        "Open weights let any lab reproduce results.",
        "Closed labs can recall a model that misbehaves.",
        "Open models spread the benefits beyond a few firms.",
        "Closed release lets safety teams watch for misuse.",
    ];

    [Theory]
    [InlineData("instantRunoff", "Instant-runoff", ".runoff__round", ".runoff-round")]
    [InlineData("schulze", "Schulze (Condorcet)", ".pairwise li", ".pairwise-panel li")]
    public async Task A_round_counted_by_the_chosen_method_shows_its_working_on_phones_and_the_projector(string method, string name, string working, string projectorWorking)
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync($"Counted by {name}.", method);
        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        var students = new List<StudentPage>();
        foreach (var who in new[] { "Ada", "Ben", "Cy", "Di" })
        {
            students.Add(await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, who));
        }

        await console.ClickAsync("Start the debate");
        for (var i = 0; i < students.Count; i++)
        {
            await students[i].WaitForPhaseAsync("Arguing");
            await students[i].PostAsync(Arguments[i]);
        }

        await console.ClickAsync("End arguing, start voting");
        for (var i = 0; i < students.Count; i++)
        {
            await students[i].WaitForPhaseAsync("Voting");
            foreach (var k in new[] { 1, 2, 3 })
            {
                await students[i].AddButton(Arguments[(i + k) % Arguments.Length]).ClickAsync();
            }

            await students[i].SubmitBallotAsync();
        }

        await console.ClickAsync("Close voting, show results");
        var ada = students[0];
        await ada.WaitForPhaseAsync("Results");
        await Expect(ada.Page.Locator(".results__meta")).ToContainTextAsync(name);
        await Expect(ada.Page.Locator(working).First).ToBeVisibleAsync();
        await Expect(projector.Locator(".working-panel__title")).ToHaveTextAsync($"How the {name} decided it");
        await Expect(projector.Locator(projectorWorking).First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(ada.Page, $"student-results-{method}");
        await Screenshots.TakeAsync(projector, $"projector-results-{method}");

        var comparison = console.Page.Locator(".comparison__method");
        await Expect(comparison).ToHaveTextAsync(["Borda count", "Instant-runoff", "Schulze (Condorcet)"]);
        await Screenshots.TakeAsync(console.Page, $"console-compare-{method}");
    }
}
