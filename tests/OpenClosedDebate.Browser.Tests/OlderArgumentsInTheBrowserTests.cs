namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;
using OpenClosedDebate.Domain.Debates;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// A round busier than a snapshot carries (Rooms:SnapshotArgumentsPerSide, 40 a side): a phone or console that
/// loads it then shows the newest arguments and, per side, a button that fetches the older ones.
/// </summary>
public sealed class OlderArgumentsInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private const int HubStudents = 18;
    private const int PostsEach = 5;

    [Fact]
    public async Task A_phone_or_console_that_loads_a_busy_round_shows_the_newest_arguments_and_fetches_each_sides_older_ones_at_a_click()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Older arguments arrive when asked for.");
        var ada = await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, "Ada");
        var hub = new List<RoomClient>();
        for (var i = 0; i < HubStudents; i++)
        {
            hub.Add(await server.StudentAsync(code, $"Student {i + 1}"));
        }

        try
        {
            await console.ClickAsync("Start the debate");
            await ada.WaitForPhaseAsync("Arguing");

            // Posted in turn, so each side's oldest is its first student's first argument.
            for (var n = 0; n < PostsEach; n++)
            {
                foreach (var s in hub)
                {
                    await s.PostAsync($"Point {n + 1} from {s.Name}: the evidence points one way.");
                }
            }

            var perSide = hub.GroupBy(s => s.Side).ToDictionary(g => g.Key, g => g.Count() * PostsEach);
            Assert.All(perSide.Values, count => Assert.True(count > 40, $"Each side needs more than a snapshot carries; it has {count}."));
            var oldest = hub.GroupBy(s => s.Side).ToDictionary(g => g.Key, g => $"Point 1 from {g.First().Name}:");

            // The phone that arrives now (a reload) gets the newest 40 a side and a button per side.
            await ada.Page.ReloadAsync();
            await ada.WaitForPhaseAsync("Arguing");
            await ShowsOlderButtonsAsync(ada.Page, perSide, oldest);
            await Button(ada.Page, Side.Open).ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(ada.Page, "older-arguments-1-phone-390x844", fullPage: false);
            await ada.Page.SetViewportSizeAsync(360, 640);
            await Button(ada.Page, Side.Open).ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(ada.Page, "older-arguments-2-phone-360x640", fullPage: false);
            await ada.Page.SetViewportSizeAsync(Chromium.Phone.Width, Chromium.Phone.Height);
            await FetchesOlderAsync(ada.Page, Side.Open, perSide, oldest);
            await Button(ada.Page, Side.Closed).ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(ada.Page, "older-arguments-3-phone-after-open", fullPage: false);
            await FetchesOlderAsync(ada.Page, Side.Closed, perSide, oldest);

            // The console the same way, at 1366x768.
            await console.Page.ReloadAsync();
            await ShowsOlderButtonsAsync(console.Page, perSide, oldest);
            await Button(console.Page, Side.Open).ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(console.Page, "older-arguments-4-console-1366x768", fullPage: false);
            await FetchesOlderAsync(console.Page, Side.Open, perSide, oldest);
            await FetchesOlderAsync(console.Page, Side.Closed, perSide, oldest);
        }
        finally
        {
            foreach (var s in hub)
            {
                await s.DisposeAsync();
            }
        }
    }

    private static ILocator Button(IPage page, Side side) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Show older arguments: \\d+ more from the {side.ToString().ToLowerInvariant()} side$") });

    private static async Task ShowsOlderButtonsAsync(IPage page, Dictionary<Side, int> perSide, Dictionary<Side, string> oldest)
    {
        foreach (var side in perSide.Keys)
        {
            await Expect(Button(page, side)).ToHaveTextAsync($"Show older arguments: {perSide[side] - 40} more from the {side.ToString().ToLowerInvariant()} side");
            await Expect(page.GetByText(oldest[side])).ToHaveCountAsync(0);
        }
    }

    private static async Task FetchesOlderAsync(IPage page, Side side, Dictionary<Side, int> perSide, Dictionary<Side, string> oldest)
    {
        await Button(page, side).ClickAsync();
        await Expect(page.GetByText(oldest[side])).ToHaveCountAsync(1);
        await Expect(Button(page, side)).ToHaveCountAsync(0);
    }
}
