namespace OpenClosedDebate.Browser.Tests;

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using static Microsoft.Playwright.Assertions;

/// <summary>
/// A room full of hostile names and arguments: markup, script URLs, template and formula injections. A phone,
/// the console, the projector, the review page and every export show them as text and run nothing.
/// </summary>
public sealed partial class XssInTheBrowserTests(Chromium chrome, UnfilteredServer server) : IClassFixture<Chromium>, IClassFixture<UnfilteredServer>
{
    private const int BatchPerSide = 6;
    private readonly List<PageGuard> _guards = [];

    [Fact]
    public async Task Payloads_as_names_and_arguments_show_as_text_and_run_nothing_in_every_view_and_export()
    {
        var payloads = XssPayloads.All;
        Assert.True(payloads.Count >= 20);
        Assert.Equal(payloads.Count, payloads.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var console = await ConsolePage.SignInAsync(await OpenAsync(Chromium.Laptop), server.BaseUrl);
        var code = await console.PrepareTwoRoundDebateAsync("Hostile text stays text.", "instantRunoff");
        var projector = await OpenAsync(Chromium.Projector);
        await projector.GotoAsync(console.ProjectorUrl(code));

        // The phone joins first, typing its payload as its name, so it is on the open side; the rest join over the hub.
        var phone = await StudentPage.JoinByCodeAsync(await OpenAsync(Chromium.Phone, phone: true), server.BaseUrl, code, payloads[0]);
        await Expect(phone.Side).ToHaveTextAsync("OPEN");
        var hub = await Task.WhenAll(payloads.Skip(1).Select(p => server.StudentAsync(code, p)));
        try
        {
            string[] names = [payloads[0], .. hub.Select(h => h.Name)];
            Side[] sides = [Side.Open, .. hub.Select(h => h.Side)];
            for (var i = 0; i < payloads.Count; i++)
            {
                Assert.Equal(XssPayloads.Visible(payloads[i]), XssPayloads.Visible(names[i]));
            }

            await Shown.ExactlyAsync(console.Page, ".roster__name", names);
            await ScanAllAsync("lobby", console.Page, projector, phone.Page);

            await console.ClickAsync("Start the debate");
            await phone.WaitForPhaseAsync("Arguing");
            var texts = await PostInBatchesAsync(phone, hub, payloads, names, sides, projector);
            await Shown.ExactlyAsync(phone.Page, ".argument__text", texts.Select(t => t.Text));
            await Shown.ExactlyAsync(phone.Page, ".argument__author", names);
            await Shown.ExactlyAsync(console.Page, ".feed .argument__text", texts.Select(t => t.Text));
            await Shown.ExactlyAsync(console.Page, ".feed .argument__author", names);
            await ScanAllAsync("arguing", console.Page, projector, phone.Page);
            await Screenshots.TakeAsync(phone.Page, "xss-1-student-argue");
            await Screenshots.TakeAsync(console.Page, "xss-1-console-argue");
            await Screenshots.TakeAsync(projector, "xss-1-projector-argue");

            var all = texts.Select(t => t.Text).ToArray();
            await VoteAsync(console, phone, hub, texts);
            await Expect(console.Page.Locator(".tally")).ToContainTextAsync($"{payloads.Count} of {payloads.Count} voted · {payloads.Count} connected");
            await Shown.EachOneOfAsync(console.Page, ".tally .results__label", all, count: 10);
            await Shown.EachOneOfAsync(console.Page, ".tally .runoff .bar__label", all);
            await ScanAllAsync("voting", console.Page, projector, phone.Page);
            await Screenshots.TakeAsync(console.Page, "xss-2-console-tally");

            await console.ClickAsync("Close voting, show results");
            await phone.WaitForPhaseAsync("Results");
            await Shown.EachOneOfAsync(phone.Page, ".results__label", all, count: 10);
            await Shown.EachOneOfAsync(phone.Page, ".runoff .bar__label", all);
            await Expect(projector.Locator(".ranking-result__winner")).ToBeVisibleAsync();
            await Shown.EachOneOfAsync(projector, ".projector__results .item-label__text", all);
            await Shown.EachOneOfAsync(projector, ".working-panel .runoff-round__label", all);
            await Shown.EachOneOfAsync(console.Page, ".comparison li", all, count: 15);
            await ScanAllAsync("results", console.Page, projector, phone.Page);
            await Screenshots.TakeAsync(phone.Page, "xss-3-student-results");
            await Screenshots.TakeAsync(projector, "xss-3-projector-results");

            await console.ClickAsync("End debate");
            await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "The debate is over. Thank you!" })).ToBeVisibleAsync();
            await Expect(projector.Locator(".projector__finished")).ToBeVisibleAsync();
            await ReviewAsync(console.Page, texts, names);
            await ScanAllAsync("finished", console.Page, projector, phone.Page);
            await CheckExportsAsync(console.Page.Context, hub[0].DebateId, texts, names);
        }
        finally
        {
            foreach (var student in hub)
            {
                await student.DisposeAsync();
            }
        }

        Assert.Empty(_guards.SelectMany(g => g.Problems));
        Assert.Empty(chrome.ScriptDialogs);
    }

    /// <summary>
    /// Posts every payload as an argument, the phone's through its form, six a side at a time. The projector
    /// shows each side's newest arguments that fit; after each batch it must show the newest first, in order,
    /// so every payload is on its screen at some point.
    /// </summary>
    private static async Task<List<Post>> PostInBatchesAsync(
        StudentPage phone, RoomClient[] hub, IReadOnlyList<string> payloads, string[] names, Side[] sides, IPage projector)
    {
        var posted = new Post[payloads.Count];
        var order = new List<int>();
        var open = Enumerable.Range(0, payloads.Count).Where(i => sides[i] == Side.Open).ToList();
        var closed = Enumerable.Range(0, payloads.Count).Where(i => sides[i] == Side.Closed).ToList();
        for (var b = 0; b * BatchPerSide < Math.Max(open.Count, closed.Count); b++)
        {
            var batch = open.Skip(b * BatchPerSide).Take(BatchPerSide).Concat(closed.Skip(b * BatchPerSide).Take(BatchPerSide)).ToList();
            if (batch.Remove(0))
            {
                await phone.PostAsync(payloads[0]);
                posted[0] = new(null, payloads[0], names[0]);
                order.Add(0);
            }

            foreach (var (i, argument) in await Task.WhenAll(batch.Select(async i => (i, (await hub[i - 1].PostAsync(payloads[i])).Argument))))
            {
                Assert.Equal(XssPayloads.Visible(payloads[i]), XssPayloads.Visible(argument.Text));
                posted[i] = new(argument, argument.Text, names[i]);
            }

            // The phone's argument came first; the others in the order the server stamped them.
            order.AddRange(batch.OrderBy(i => posted[i].Argument!.PostedAt));
            foreach (var (side, members) in new[] { ("open", open), ("closed", closed) })
            {
                var newestFirst = order.Where(members.Contains).Reverse().ToList();
                var (texts, authors) = await NewestPageAsync(projector, side, posted[newestFirst[0]].Text);
                Assert.InRange(texts.Count, 1, newestFirst.Count);
                Assert.Equal(newestFirst.Take(texts.Count).Select(i => posted[i].Text), texts);
                Assert.Equal(newestFirst.Take(texts.Count).Select(i => names[i]), authors);
            }
        }

        return [.. posted];
    }

    /// <summary>
    /// What one side's column shows on its first page (the newest), once that page starts with
    /// <paramref name="newest"/>: the columns rotate through older pages, so this waits for the first.
    /// </summary>
    private static async Task<(List<string> Texts, List<string> Authors)> NewestPageAsync(IPage projector, string side, string newest)
    {
        const string Own = "e => [...e.childNodes].filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.data).join('').trim()";
        var shown = await projector.WaitForFunctionAsync(
            $$"""
            ([side, newest]) => {
              const own = {{Own}};
              const column = document.querySelector(`.projector__column--${side}`);
              const cards = [...column.querySelectorAll('.projector__page .projector__argument')];
              if (column.dataset.page !== '0' || cards.length === 0 || own(cards[0].querySelector('p')) !== newest) return null;
              return cards.map(c => [own(c.querySelector('p')), own(c.querySelector('footer'))]);
            }
            """,
            new object[] { side, newest });
        var rows = await shown.JsonValueAsync<string[][]>();
        return ([.. rows.Select(r => r[0])], [.. rows.Select(r => r[1])]);
    }

    /// <summary>The phone ranks two arguments with its buttons; every hub student ranks three others' arguments.</summary>
    private static async Task VoteAsync(ConsolePage console, StudentPage phone, RoomClient[] hub, List<Post> texts)
    {
        await console.ClickAsync("End arguing, start voting");
        await phone.WaitForPhaseAsync("Voting");
        await Shown.ExactlyAsync(phone.Page, ".choice__label", texts.Skip(1).Select(t => t.Text));
        await phone.AddButton(texts[2].Text).ClickAsync();
        await phone.AddButton(texts[3].Text).ClickAsync();
        await Shown.ExactlyAsync(phone.Page, ".rank__label", [texts[2].Text, texts[3].Text]);
        await phone.SubmitBallotAsync();

        var ids = texts.Skip(1).Select(t => t.Argument!.Id.ToString()).ToList();
        await Task.WhenAll(hub.Select((student, i) =>
        {
            var others = ids.Where((_, j) => j != i).ToList();
            var ranking = Enumerable.Range(0, 3).Select(k => others[((i * 5) + (k * 7)) % others.Count]).Distinct().ToList();
            return student.VoteAsync(texts[1].Argument!.RoundIndex, [.. ranking]);
        }));
    }

    private static async Task ReviewAsync(IPage page, List<Post> texts, string[] names)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Review & export" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Participation" })).ToBeVisibleAsync();
        await Shown.ExactlyAsync(page, ".round-review .argument__text", texts.Select(t => t.Text));
        await Shown.ExactlyAsync(page, ".round-review .thread-item strong", names);
        await Shown.ExactlyAsync(page, "table.participation tbody td:first-child", names);
        await Shown.EachOneOfAsync(page, ".round-review .comparison__methods li", [.. texts.Select(t => $"{t.Author}: {t.Text}")], count: 15);

        var actors = await Shown.TextsAsync(page, ".timeline__actor");
        var lines = await Shown.TextsAsync(page, ".timeline__text");
        Assert.All(names, name => Assert.Contains(name, actors));
        Assert.All(texts, t => Assert.Contains(lines, line => line.EndsWith($": “{t.Text}”", StringComparison.Ordinal)));
        await Screenshots.TakeAsync(page, "xss-4-review");
    }

    private async Task CheckExportsAsync(IBrowserContext instructor, Guid debateId, List<Post> texts, string[] names)
    {
        var url = $"{server.BaseUrl}/api/debates/{debateId}/export/";
        foreach (var (file, type) in new[] { ("transcript.md", "text/markdown"), ("arguments.csv", "text/csv"), ("ballots.csv", "text/csv"), ("debate.json", "application/json") })
        {
            var export = await OpenedExport.OpenAsync(instructor, url + file);
            _guards.Add(export.Guard);
            Assert.StartsWith(type, export.ContentType, StringComparison.Ordinal);
            Assert.StartsWith("attachment", export.Disposition, StringComparison.Ordinal);
            Assert.NotEqual("text/html", await export.DocumentTypeAsync());
            // The browser reads a CSV's byte order mark as the encoding, not as text.
            Assert.Equal(export.Body.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd(), (await export.ShownTextAsync()).ReplaceLineEndings("\n").TrimEnd());
            Assert.Empty(await export.Guard.ScanAsync(file));
            await export.Page.CloseAsync();

            switch (file)
            {
                case "transcript.md":
                    CheckMarkdown(export.Body, texts.Select(t => t.Text).Concat(names));
                    break;
                case "arguments.csv":
                    var arguments = OpenedExport.CsvRecords(export.Body);
                    Assert.Equal(texts.Select(t => OpenedExport.AsCsvCell(t.Text)).Order(StringComparer.Ordinal), arguments.Select(r => r["text"]).Order(StringComparer.Ordinal));
                    Assert.Equal(names.Select(OpenedExport.AsCsvCell).Order(StringComparer.Ordinal), arguments.Select(r => r["author"]).Order(StringComparer.Ordinal));
                    break;
                case "ballots.csv":
                    var ballots = OpenedExport.CsvRecords(export.Body);
                    Assert.Equal(names.Select(OpenedExport.AsCsvCell).Order(StringComparer.Ordinal), ballots.Select(r => r["voter"]).Order(StringComparer.Ordinal));
                    break;
                default:
                    using (var json = JsonDocument.Parse(export.Body))
                    {
                        var round = json.RootElement.GetProperty("rounds")[0];
                        var stored = round.GetProperty("open").EnumerateArray().Concat(round.GetProperty("closed").EnumerateArray()).ToList();
                        Assert.Equal(texts.Select(t => t.Text).Order(StringComparer.Ordinal), stored.Select(a => a.GetProperty("text").GetString()!).Order(StringComparer.Ordinal));
                        Assert.Equal(names.Order(StringComparer.Ordinal), json.RootElement.GetProperty("participation").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
                    }

                    break;
            }

            if (file.EndsWith(".csv", StringComparison.Ordinal))
            {
                Assert.DoesNotContain(CsvReader.Parse(export.Body).SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');
            }
        }
    }

    /// <summary>
    /// Every payload is in the transcript once its escapes are undone, and with the escaped characters set aside
    /// nothing is left that a Markdown viewer would read as HTML, a link, an image, code or an entity.
    /// </summary>
    private static void CheckMarkdown(string markdown, IEnumerable<string> expected)
    {
        var unescaped = Escaped().Replace(markdown, "$1");
        Assert.All(expected, text => Assert.Contains(text, unescaped, StringComparison.Ordinal));
        var bare = Escaped().Replace(markdown, string.Empty);
        Assert.DoesNotContain(bare, c => c is '<' or '[' or '`' or '&');
        // "javascript:" as plain text links nothing: only [text](url) and <url> could make it a link, and with no
        // unescaped [ or < there is neither (GitHub links bare http, https, ftp, mailto and www addresses only).
    }

    /// <summary>An argument as posted (null for the phone's, posted through its form), its text and its author's name.</summary>
    private sealed record Post(ArgumentView? Argument, string Text, string Author);

    [GeneratedRegex(@"\\([!-/:-@\[-`{-~])")]
    private static partial Regex Escaped();

    private async Task<IPage> OpenAsync(ViewportSize viewport, bool phone = false)
    {
        var page = await chrome.OpenAsync(viewport, phone);
        _guards.Add(PageGuard.Watch(page));
        return page;
    }

    private async Task ScanAllAsync(string moment, params IPage[] pages)
    {
        foreach (var page in pages)
        {
            var guard = _guards.Single(g => g.Watches(page));
            Assert.Empty(await guard.ScanAsync(moment));
        }
    }
}
