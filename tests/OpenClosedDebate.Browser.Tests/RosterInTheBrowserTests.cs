namespace OpenClosedDebate.Browser.Tests;

using System.Diagnostics;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>A server whose rooms take a lecture hall's arrival at once: the test seeds 300 students in seconds, not a minute of paced joins.</summary>
public sealed class LectureHallServer : IAsyncDisposable
{
    private readonly WebServer _server = WebServer.With(new Dictionary<string, string?> { ["Rooms:JoinBurst"] = "1000" });

    public string BaseUrl => _server.BaseUrl;

    public Task<RoomClient> StudentAsync(string code, string name) => _server.StudentAsync(code, name);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>The console's roster with a lecture hall of 300 students, each a real hub connection, on a 1366x768 laptop.</summary>
public sealed class RosterInTheBrowserTests(Chromium chrome, LectureHallServer server) : IClassFixture<Chromium>, IClassFixture<LectureHallServer>
{
    private const int Students = 300;
    private const int Posters = 120;
    private const int Voters = 200;

    private static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Chloé", "Dev", "Elif", "Femi", "Grace", "Hugo", "Ines", "Jonas", "Kai", "Lena", "Malik", "Nora", "Omar",
        "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoë", "Aoife", "Björn", "Carmen", "Dmitri",
    ];

    private static readonly string[] LastNames = ["Okafor", "Schmidt", "García", "Nguyen", "Kowalski", "Haddad", "Silva", "Tanaka", "Müller", "Byrne"];

    [Fact]
    public async Task A_roster_of_300_students_can_be_searched_sorted_filtered_to_who_has_not_voted_and_acted_on_from_a_row_menu()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var page = console.Page;
        var code = await console.PrepareTwoRoundDebateAsync("Frontier models should be open.");
        var entry = page.GetByRole(AriaRole.Region, new() { Name = "Who can join" });
        await entry.GetByLabel("Room takes").FillAsync("400");
        await entry.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(entry).ToContainTextAsync("0 of 400 places taken");

        var names = Enumerable.Range(0, Students).Select(i => $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length]}").ToList();
        var hub = new List<RoomClient>();
        foreach (var batch in names.Chunk(30))
        {
            hub.AddRange(await Task.WhenAll(batch.Select(n => server.StudentAsync(code, n))));
        }

        try
        {
            var roster = page.GetByRole(AriaRole.Region, new() { Name = "Students", Exact = true });
            var rows = roster.Locator(".roster__student");
            await Expect(roster.Locator(".roster__head .count")).ToHaveTextAsync($"{Students}");
            await Expect(roster.GetByRole(AriaRole.Table)).ToHaveAttributeAsync("aria-rowcount", $"{Students + 1}");
            Assert.InRange(await rows.CountAsync(), 12, 40);
            await Screenshots.TakeAsync(page, "roster-300-lobby-1366x768", fullPage: false);

            await console.ClickAsync("Start the debate");
            await console.WaitForPhaseAsync("Arguing");
            var posted = await Task.WhenAll(hub.Take(Posters).Select((h, i) => h.PostAsync($"Argument {i + 1}: open weights let anyone audit a model.")));
            await Expect(roster.Locator(".chip").Filter(new() { HasText = "Haven't posted" })).ToHaveTextAsync($"Haven't posted {Students - Posters}");

            await console.ClickAsync("End arguing, start voting");
            await console.WaitForPhaseAsync("Voting");
            await Task.WhenAll(hub.Take(Voters).Select((h, i) => h.VoteAsync(0, [posted[(i + 1) % Posters].Argument.Id.ToString()])));
            await Expect(page.Locator(".tally__voted")).ToHaveTextAsync($"{Voters} of {Students} voted · {Students} connected");

            // Who hasn't voted yet: the hundred who didn't, and nobody who did.
            var notVoted = roster.Locator(".chip").Filter(new() { HasText = "Haven't voted" });
            await Expect(notVoted).ToHaveTextAsync($"Haven't voted {Students - Voters}");
            var clock = Stopwatch.StartNew();
            await notVoted.ClickAsync();
            await Expect(roster.GetByRole(AriaRole.Table)).ToHaveAttributeAsync("aria-rowcount", $"{Students - Voters + 1}");
            await Expect(rows.First.Locator(".roster__cell--voted")).ToHaveTextAsync("–not voted");
            Assert.Equal(0, await roster.Locator(".roster__student .mark--yes").Filter(new() { HasText = "voted" }).CountAsync());
            var filtered = clock.Elapsed;
            await roster.ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(page, "roster-300-not-voted-1366x768", fullPage: false);

            // Search by name, ignoring case and accents: the ten Zoës, of whom those who haven't voted.
            await roster.Locator(".chip").Filter(new() { HasText = "All" }).ClickAsync();
            await roster.GetByLabel("Search students by name").FillAsync("zoe");
            await Expect(rows).ToHaveCountAsync(LastNames.Length);
            await Expect(rows.Locator(".roster__name")).ToHaveTextAsync(LastNames.Order(StringComparer.InvariantCulture).Select(l => $"Zoë {l}").ToArray());
            await roster.GetByLabel("Search students by name").FillAsync("zoë müller");
            await Expect(rows).ToHaveCountAsync(1);
            await Screenshots.TakeAsync(page, "roster-300-search-1366x768", fullPage: false);

            // Sort: by posts, most first, and back; by voted, not voted first.
            await roster.GetByLabel("Search students by name").FillAsync(string.Empty);
            var posts = roster.GetByRole(AriaRole.Columnheader, new() { Name = "Posts" });
            await posts.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(posts).ToHaveAttributeAsync("aria-sort", "ascending");
            await Expect(rows.First.Locator(".roster__cell--posts")).ToHaveTextAsync("0");
            await posts.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(posts).ToHaveAttributeAsync("aria-sort", "descending");
            await Expect(rows.First.Locator(".roster__cell--posts")).ToHaveTextAsync("1");
            var voted = roster.GetByRole(AriaRole.Columnheader, new() { Name = "Voted" });
            await voted.GetByRole(AriaRole.Button).ClickAsync();
            await Expect(voted).ToHaveAttributeAsync("aria-sort", "ascending");
            await Expect(rows.First.Locator(".roster__cell--voted")).ToHaveTextAsync("–not voted");
            await Expect(rows.First.Locator(".roster__name")).ToHaveTextAsync(names.Skip(Voters).Order(StringComparer.InvariantCulture).First());

            // The row menu, by keyboard: open it, move to "Mute", and mute the student; Escape closes it and gives focus back.
            var first = names.Skip(Voters).Order(StringComparer.InvariantCulture).First();
            var menuButton = console.RosterRow(first).GetByRole(AriaRole.Button, new() { Name = $"Actions for {first}", Exact = true });
            await Expect(menuButton).ToHaveAttributeAsync("aria-haspopup", "menu");
            await menuButton.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var menu = page.GetByRole(AriaRole.Menu, new() { Name = $"Actions for {first}" });
            await Expect(menu).ToBeVisibleAsync();
            await Expect(menuButton).ToHaveAttributeAsync("aria-expanded", "true");
            await Expect(menu.GetByRole(AriaRole.Menuitem).First).ToBeFocusedAsync();
            await Screenshots.TakeAsync(page, "roster-300-row-menu-1366x768", fullPage: false);
            await page.Keyboard.PressAsync("Escape");
            await Expect(menu).ToHaveCountAsync(0);
            await Expect(menuButton).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(menu.GetByRole(AriaRole.Menuitem).First).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("ArrowDown");
            await Expect(menu.GetByRole(AriaRole.Menuitem, new() { Name = "Mute" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");
            await Expect(console.RosterRow(first).Locator(".tag")).ToHaveTextAsync("muted");

            // And by mouse: move a student to the other side.
            var side = await console.RosterRow(first).Locator(".roster__cell--side").TextContentAsync();
            var other = side == "Open" ? "closed" : "open";
            await console.RosterActionAsync(first, $"Move to {other}");
            await Expect(console.RosterRow(first).Locator(".roster__cell--side")).ToHaveTextAsync(other == "open" ? "Open" : "Closed");

            // A student who voted leaves: the tally counts only those still in the room.
            await hub[0].LeaveAsync();
            await Expect(page.Locator(".tally__voted")).ToHaveTextAsync($"{Voters - 1} of {Students - 1} voted · {Students - 1} connected · 1 more ballot from a student who left");
            await roster.ScrollIntoViewIfNeededAsync();
            await Screenshots.TakeAsync(page, "roster-300-voting-1366x768", fullPage: false);
            await Screenshots.TakeAsync(page, "roster-300-voting-full-1366x768");
            await Axe.AssertCleanAsync(page, "console with a roster of 300");

            // Quick enough to use: the filter above, from the click until its rows showed, well under a second here.
            Assert.True(filtered < TimeSpan.FromSeconds(5), $"filtering took {filtered.TotalMilliseconds:F0} ms");
        }
        finally
        {
            await Task.WhenAll(hub.Select(h => h.DisposeAsync().AsTask()));
        }
    }
}
