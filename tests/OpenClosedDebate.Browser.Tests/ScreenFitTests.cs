namespace OpenClosedDebate.Browser.Tests;

using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// A whole debate with the heaviest content a class can give it (a 300-character motion, 120-character
/// titles, twelve long ranking options, 42 arguments of 1,000 characters, an instant-runoff count over
/// 20 candidates), looked at in every phase on the projector at 1920x1080, 1366x768 and 1280x720 and on
/// two phones at 390x844 and 360x640. One debate serves every size: the pages are resized, not reopened.
/// </summary>
public sealed class ScreenFitTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private const int HubStudents = 20;
    private readonly List<string> _problems = [];

    [Fact]
    public async Task Every_phase_of_a_heavy_debate_fits_the_projector_and_the_phones_at_every_size()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await CreateAsync(console);
        var projector = await chrome.OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));
        var ada = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ada Lovelace-Byron of Ockham and Horsley");
        var ben = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Benedict Cumberbatch-Featherstonehaugh");
        var hub = new List<RoomClient>();
        for (var i = 0; i < HubStudents; i++)
        {
            hub.Add(await server.StudentAsync(code, HeavyContent.Name(i)));
        }

        try
        {
            await Expect(projector.Locator(".projector__code")).ToHaveTextAsync(code);
            await CheckAsync("1-lobby", projector, ada, ben);

            // The pre-debate motion vote.
            await console.ClickAsync("Start the debate");
            await ada.WaitForPhaseAsync("Voting");
            await CheckAsync("2-motion-vote", projector, ada, ben);
            await ada.Page.GetByRole(AriaRole.Button, new() { Name = "For", Exact = true }).ClickAsync();
            await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Against", Exact = true }).ClickAsync();
            await Task.WhenAll(hub.Select((s, i) => s.VoteAsync(0, [(i % 3) switch { 0 => "for", 1 => "against", _ => "undecided" }])));
            await CloseVotingAndRevealAsync(console, ada, "3-motion-results", projector, ben);

            // Twelve long options, counted by instant-runoff.
            await console.ClickAsync("Next round");
            await ada.WaitForPhaseAsync("Voting");
            await CheckAsync("4-ranking-vote", projector, ada, ben);
            var options = Enumerable.Range(1, HeavyContent.Options.Count).Select(i => $"option-{i}").ToList();
            await Task.WhenAll(hub.Select((s, i) => s.VoteAsync(1, [.. options.Skip(i % 12).Concat(options.Take(i % 12))])));
            await ada.AddButton(HeavyContent.Options[3]).ClickAsync();
            await ada.AddButton(HeavyContent.Options[0]).ClickAsync();
            await ada.SubmitBallotAsync();
            await CloseVotingAndRevealAsync(console, ada, "5-ranking-results", projector, ben);

            // 42 arguments of 1,000 characters, and a rebuttal.
            await console.ClickAsync("Next round");
            await ada.WaitForPhaseAsync("Arguing");
            var posted = new List<string>();
            foreach (var (student, i) in hub.Select((s, i) => (s, i)))
            {
                posted.Add((await student.PostAsync(HeavyContent.Argument(2 * i))).Argument.Id.ToString());
                posted.Add((await student.PostAsync(HeavyContent.Argument((2 * i) + 1))).Argument.Id.ToString());
            }

            await ada.PostAsync(HeavyContent.Argument(40));
            await ben.RebutAsync(HeavyContent.Argument(0), HeavyContent.Argument(41));
            await Expect(projector.Locator(".projector__page .projector__argument").Filter(new() { HasText = "Argument 42." })).ToBeVisibleAsync();
            await CheckAsync("6-argue", projector, ada, ben);

            await console.ClickAsync("Pause");
            await Expect(projector.Locator(".projector__paused")).ToBeVisibleAsync();
            await CheckAsync("7-paused", projector, ada, ben);
            await console.ClickAsync("Resume");

            await console.ClickAsync("End arguing, start voting");
            await ada.WaitForPhaseAsync("Voting");
            await CheckAsync("8-argument-vote", projector, ada, ben);

            // Every hub student's first choice is a different argument: 20 candidates still in the race once the rest are out.
            await Task.WhenAll(hub.Select((s, i) => s.VoteAsync(2, [posted[((2 * i) + 2) % 40], posted[((2 * i) + 7) % 40], posted[((2 * i) + 13) % 40]])));
            await ada.AddButton(HeavyContent.Argument(3)).ClickAsync();
            await ada.SubmitBallotAsync();
            await CloseVotingAndRevealAsync(console, ada, "9-argument-results", projector, ben);

            // The post-debate vote gives the persuasion verdict.
            await console.ClickAsync("Next round");
            await ada.WaitForPhaseAsync("Voting");
            await ada.Page.GetByRole(AriaRole.Button, new() { Name = "Against", Exact = true }).ClickAsync();
            await ben.Page.GetByRole(AriaRole.Button, new() { Name = "Against", Exact = true }).ClickAsync();
            await Task.WhenAll(hub.Select((s, i) => s.VoteAsync(3, [(i % 4) switch { 0 or 1 => "for", 2 => "against", _ => "undecided" }])));
            await CheckAsync("10-final-vote", projector, ada, ben);
            await CloseVotingAndRevealAsync(console, ada, "11-final-results", projector, ben);

            await console.ClickAsync("Finish the debate");
            await Expect(projector.Locator(".projector__finished")).ToBeVisibleAsync();
            await Expect(ada.Page.GetByRole(AriaRole.Heading, new() { Name = "The debate is over. Thank you!" })).ToBeVisibleAsync();
            await CheckAsync("12-finished", projector, ada, ben);
        }
        finally
        {
            foreach (var student in hub)
            {
                await student.DisposeAsync();
            }
        }

        Assert.True(_problems.Count == 0, $"{_problems.Count} problems:\n" + string.Join("\n", _problems));
    }

    /// <summary>Closes the vote, looks at the screens while the results wait to be revealed, reveals them and looks again.</summary>
    private async Task CloseVotingAndRevealAsync(ConsolePage console, StudentPage ada, string state, IPage projector, StudentPage ben)
    {
        await console.ClickAsync("Close voting, show results");
        await ada.WaitForPhaseAsync("Results");
        await Expect(projector.Locator(".projector__waiting")).ToBeVisibleAsync();
        await CheckAsync($"{state}-waiting", projector, ada, ben);
        await console.ClickAsync("Reveal the results");
        await Expect(ada.Page.Locator(".results")).ToBeVisibleAsync();
        await CheckAsync(state, projector, ada, ben);
    }

    /// <summary>
    /// Looks at the projector at every size and each phone at both, noting what doesn't fit and taking a
    /// screenshot of each; axe scans the projector and the first phone once per state.
    /// </summary>
    private async Task CheckAsync(string state, IPage projector, params StudentPage[] phones)
    {
        foreach (var size in ScreenFit.Projectors)
        {
            await projector.SetViewportSizeAsync(size.Width, size.Height);
            await NoteAsync(projector, ScreenFit.Rules.Projector(size), $"projector {state} {size.Width}x{size.Height}", $"fit-projector-{state}-{size.Width}x{size.Height}");
            if (size == ScreenFit.Projectors[0])
            {
                await Axe.AssertCleanAsync(projector, $"projector {state}");
            }
        }

        foreach (var (phone, n) in phones.Select((p, n) => (p, n + 1)))
        {
            foreach (var size in ScreenFit.Phones)
            {
                await phone.Page.SetViewportSizeAsync(size.Width, size.Height);
                await NoteAsync(phone.Page, ScreenFit.Rules.Phone(size), $"phone {n} {state} {size.Width}x{size.Height}", $"fit-phone{n}-{state}-{size.Width}x{size.Height}");
                if (size == ScreenFit.Phones[0] && n == 1)
                {
                    await Axe.AssertCleanAsync(phone.Page, $"phone {n} {state}");
                }
            }

            await phone.Page.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
        }

        await projector.SetViewportSizeAsync(Chromium.Projector.Width, Chromium.Projector.Height);
    }

    private async Task NoteAsync(IPage page, ScreenFit.Rules rules, string where, string screenshot)
    {
        var problems = await ScreenFit.SettledProblemsAsync(page, rules);
        _problems.AddRange(problems.Select(p => $"{where}: {p}"));
        await Screenshots.TakeAsync(page, screenshot, fullPage: false);
    }

    /// <summary>Creates the heavy debate over the REST API as the signed-in instructor, then opens its lobby from the console.</summary>
    private async Task<string> CreateAsync(ConsolePage console)
    {
        var round = (string title, string kind) => new Dictionary<string, object?>
        {
            ["title"] = HeavyContent.Title(title),
            ["prompt"] = HeavyContent.Prompt,
            ["kind"] = kind,
            ["argueSeconds"] = 900,
            ["voteSeconds"] = 900,
        };
        var argument = round("Regulation", "argument");
        argument["openBrief"] = HeavyContent.Brief("open");
        argument["closedBrief"] = HeavyContent.Brief("closed");
        argument["scenario"] = "otherCombination";
        var ranking = round("Aspects of openness", "ranking");
        ranking["options"] = HeavyContent.Options;
        var plan = new
        {
            motion = HeavyContent.Motion,
            settings = new { sideAssignment = "alternating", tallyMethod = "instantRunoff", maxRankedItems = 3, revealResults = "onClick" },
            rounds = new[] { round("Before the debate", "motionVote"), ranking, argument, round("After the debate", "motionVote") },
        };
        var response = await console.Page.APIRequest.PostAsync($"{server.BaseUrl}/api/debates", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            Data = JsonSerializer.Serialize(new { plan }),
        });
        Assert.True(response.Ok, await response.TextAsync());
        using var created = JsonDocument.Parse(await response.TextAsync());
        var id = created.RootElement.GetProperty("id").GetString();
        await console.Page.GotoAsync($"{server.BaseUrl}/instructor/debates/{id}");
        await console.ClickAsync("Open the lobby");
        return created.RootElement.GetProperty("joinCode").GetString()!;
    }
}
