namespace OpenClosedDebate.Browser.Tests;

using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

/// <summary>After the debate: the instructor reviews it, sorts participation and downloads every export.</summary>
public sealed class ReviewInTheBrowserTests(Chromium chrome, WebServer server) : IClassFixture<Chromium>, IClassFixture<WebServer>
{
    private static readonly string[] Arguments =
    [
        "Open weights let any lab reproduce the results and check them",
        "Closed labs can recall a model that misbehaves in the wild",
        "Open models spread the benefits of research beyond a handful of firms and into every classroom",
    ];

    [Fact]
    public async Task After_a_debate_the_instructor_reviews_it_sorts_participation_and_every_export_holds_what_the_page_shows()
    {
        var console = await ConsolePage.SignInAsync(chrome, server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Open models do more good than harm");
        var students = new List<StudentPage>();
        foreach (var name in new[] { "Ada", "Ben", "Cy" })
        {
            students.Add(await StudentPage.JoinByCodeAsync(chrome, server.BaseUrl, code, name));
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
            await students[i].AddButton(Arguments[(i + 1) % Arguments.Length]).ClickAsync();
            await students[i].SubmitBallotAsync();
        }

        await console.ClickAsync("Close voting, show results");
        await console.ClickAsync("End debate");
        await console.Page.GetByRole(AriaRole.Link, new() { Name = "Review & export" }).ClickAsync();
        var page = console.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Participation" })).ToBeVisibleAsync();

        // Sort by words, most first: Cy wrote the longest argument.
        await page.GetByRole(AriaRole.Button, new() { Name = "Words" }).ClickAsync();
        var rows = page.Locator("table.participation tbody tr");
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("Cy");
        await Expect(page.Locator("th[aria-sort=descending]")).ToHaveTextAsync("Words ▼");
        await page.GetByRole(AriaRole.Button, new() { Name = "Words" }).ClickAsync();
        await Expect(rows.First.Locator("td").First).ToHaveTextAsync("Ada");
        foreach (var text in Arguments)
        {
            await Expect(page.Locator(".round-review .argument__text").Filter(new() { HasText = text })).ToBeVisibleAsync();
        }

        await Expect(page.Locator(".timeline__entry")).Not.ToHaveCountAsync(0);
        // One clock and one format: UTC to the second, the zone named, in the header, the timeline and the ballots.
        await Expect(page.Locator(".review__meta")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC"));
        await Expect(page.Locator(".timeline__entry time").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$"));
        await page.Locator(".round-review .ballots summary").First.ClickAsync();
        await Expect(page.Locator(".ballots__table").First.Locator("tbody tr")).ToHaveCountAsync(3);
        await Screenshots.TakeAsync(page, "console-5-review");
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));

        var markdown = await DownloadAsync(page, "Transcript (Markdown)");
        var arguments = await DownloadAsync(page, "Arguments (CSV)");
        var ballots = await DownloadAsync(page, "Ballots (CSV)");
        var json = await DownloadAsync(page, "Everything (JSON)");

        Assert.StartsWith("# Open models do more good than harm", markdown, StringComparison.Ordinal);
        foreach (var text in Arguments)
        {
            Assert.Contains(text, markdown, StringComparison.Ordinal);
            Assert.Contains($"\"{text}\"", arguments, StringComparison.Ordinal);
        }

        Assert.Equal(1 + 3, ballots.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        using var document = JsonDocument.Parse(json);
        var participation = document.RootElement.GetProperty("participation");
        Assert.Equal(3, participation.GetArrayLength());
        var shownWords = await rows.Locator("td.num").Nth(2).AllTextContentsAsync();
        var cyWords = participation.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Cy").GetProperty("words").GetInt32();
        Assert.Equal(Arguments[2].Split(' ').Length, cyWords);
        Assert.Contains(cyWords.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("table.participation").InnerTextAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(shownWords);

        // The shared version carries no names.
        await page.GetByLabel("For sharing with the class: pseudonyms instead of names").CheckAsync();
        var shared = await DownloadAsync(page, "Everything (JSON)");
        Assert.DoesNotContain("\"Ada\"", shared, StringComparison.Ordinal);
    }

    private static async Task<string> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }
}
