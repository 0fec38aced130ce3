namespace OpenClosedDebate.Server.Tests;

using System.Globalization;
using System.Net.Http.Json;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Transcripts;

/// <summary>
/// The Markdown transcript read by a real renderer (Markdig, CommonMark and GitHub's extensions): user text shows as
/// written and forges nothing, and every export is the same whatever the server's culture.
/// </summary>
public sealed class MarkdownTranscriptTests
{
    public static readonly TheoryData<string> Hostile =
    [
        "*not emphasis* and **not bold**",
        "_not emphasis_ and __not bold__ and snake_case_name",
        "# Forged heading",
        "Line one\n## Forged second heading\n###### Six",
        "[x](y)",
        "[click me](http://evil.example) and ![image](http://evil.example/a.png)",
        "<script>alert(1)</script>",
        "<b>bold</b> <!-- comment --> <div>block</div>",
        "`code` and ``more code``",
        "Before\n```\nfenced code\n```",
        "Before\n~~~\nfenced code\n~~~",
        "| a | b |\n|---|---|\n| c | d |",
        "a | pipe",
        "> a quote\n>> nested",
        "- one\n+ two\n* three",
        "1. first\n2) second\n1986. A fine year",
        "Setext\n===",
        "Setext\n---",
        "***\n___\n- - -",
        "&copy; &amp; &#169; &#x41; R&D, Tom & Jerry",
        "a\\*b \\ and a trailing backslash\\",
        "~~struck~~ and ~sub~",
        "<http://evil.example> and <me@evil.example>",
        "[ref]\n\n[ref]: http://evil.example",
        "Round 5 (Benefits): 18:58:48 UTC. C# and F# #hashtag {braces} !bang 50% +1 -1 =SUM(A1) @you",
        "- [ ] not a task\n- [x] nor this",
        "Line\n    four spaces in",
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_text_renders_as_written_and_changes_nothing_around_it(string text)
    {
        var review = await ReviewOfAFinishedDebateAsync();
        var plain = await MarkdownOfAsync(Substitute(review, "plain words"));
        var hostile = await MarkdownOfAsync(Substitute(review, text));

        foreach (var pipeline in new[] { RenderedMarkdown.CommonMark, RenderedMarkdown.Gfm })
        {
            var expected = RenderedMarkdown.Parse(plain, pipeline);
            var document = RenderedMarkdown.Parse(hostile, pipeline);

            Assert.Equal(RenderedMarkdown.Shape(expected), RenderedMarkdown.Shape(document));
            Assert.Equal(OneLine(text), RenderedMarkdown.Headings(document).First());
            if (pipeline == RenderedMarkdown.Gfm)
            {
                // The participation table: CommonMark has no tables.
                Assert.Contains(OneLine(text), RenderedMarkdown.TableCells(document));
            }

            var argument = Assert.Single(RenderedMarkdown.ListItems(document), i => i.Text.StartsWith(OneLine(text) + " (", StringComparison.Ordinal));
            Assert.Equal($"{OneLine(text)} (4 words): {AsRendered(text)}", argument.Text);
            Assert.Equal([$"emphasis *2: {OneLine(text)}"], RenderedMarkdown.Markup(argument.Inline));
        }
    }

    [Fact]
    public async Task Ordinary_punctuation_is_not_escaped()
    {
        var markdown = await MarkdownOfAsync(Substitute(await ReviewOfAFinishedDebateAsync(), "Round 5 (Benefits): 18:58:48 UTC. It's 50% done!"));

        Assert.Contains("): Round 5 (Benefits): 18:58:48 UTC. It's 50% done!", markdown, StringComparison.Ordinal);
        Assert.StartsWith("# Round 5 (Benefits): 18:58:48 UTC. It's 50% done!\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fr-FR")]
    public async Task Every_export_is_the_same_under_a_non_english_culture(string culture)
    {
        var (debate, history) = StoredHistoryTests.Replay();
        var invariant = await ExportsAsync(debate, history, CultureInfo.InvariantCulture);

        var localised = await ExportsAsync(debate, history, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(invariant, localised);
        Assert.Contains("For 50% (3) · Against 16.7% (1) · Undecided 33.3% (2)", localised.Markdown, StringComparison.Ordinal);
        Assert.Matches(@"Debate \w+ · running · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · ", localised.Markdown);
        Assert.Matches(@"\n- \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC · Instructor: ", localised.Markdown);
    }

    private static async Task<(string Markdown, string Arguments, string Ballots)> ExportsAsync(Domain.Debates.Debate debate, List<Domain.Debates.DebateEvent> history, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = culture;
        try
        {
            var review = Review.Build(debate, history, shared: false);
            var arguments = new StringWriter();
            await CsvExport.WriteArgumentsAsync(review, arguments);
            var ballots = new StringWriter();
            await CsvExport.WriteBallotsAsync(review, ballots);
            return (await MarkdownOfAsync(review), arguments.ToString(), ballots.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>A finished debate's review with <paramref name="text"/> as its motion, Ben's name and his argument (which Ada rebutted).</summary>
    private static ReviewView Substitute(ReviewView review, string text)
    {
        var research = review.Rounds[1];
        var ben = research.Closed.Single(a => a.Text == FinishedDebate.Forgery);
        var replaced = ben with { Text = text, Author = OneLine(text), Words = 4 };
        return review with
        {
            Debate = review.Debate with { Motion = OneLine(text) },
            Rounds = [.. review.Rounds.Select(r => r.Index == 1 ? r with { Closed = [.. r.Closed.Select(a => a == ben ? replaced : a)] } : r)],
            Participation = [.. review.Participation.Select(p => p.Name == "Ben" ? p with { Name = OneLine(text) } : p)],
        };
    }

    private static readonly Lazy<Task<ReviewView>> FinishedReview = new(PlayAndReviewAsync);

    /// <summary>One finished debate's review, played once for every text.</summary>
    private static Task<ReviewView> ReviewOfAFinishedDebateAsync() => FinishedReview.Value;

    private static async Task<ReviewView> PlayAndReviewAsync()
    {
        await using var server = new DebateServer();
        await using var room = await FinishedDebate.PlayAsync(server);
        return (await room.Teacher.Http.GetFromJsonAsync<ReviewView>($"/api/debates/{room.Debate.Id}/review", Wire.Json))!;
    }

    private static async Task<string> MarkdownOfAsync(ReviewView review)
    {
        var writer = new StringWriter { NewLine = "\n" };
        await MarkdownExport.WriteAsync(review, writer);
        return writer.ToString();
    }

    /// <summary>Names and motions are one line.</summary>
    private static string OneLine(string text) => text.Replace('\n', ' ');

    /// <summary>As Markdown shows a paragraph's lines: without the spaces that begin them.</summary>
    private static string AsRendered(string text) => string.Join('\n', text.Split('\n').Select(l => l.TrimStart(' ')));
}
