namespace OpenClosedDebate.Server.Tests;

using System.Text;
using System.Text.RegularExpressions;
using static System.FormattableString;

/// <summary>
/// docs/protocol.md is the one protocol document, whole, so a client can be written from it alone. docs/protocol/
/// holds it cut into its three parts (the hub, the REST API, the rules a client must know) for a reader who wants
/// one. The parts are cut from protocol.md, never edited by hand; when protocol.md changes, run these tests with
/// OCD_WRITE_GOLDEN=1 to cut them again.
/// </summary>
public sealed partial class ProtocolPartsTests
{
    /// <summary>Each part: its file, its title, and the top-level sections (## N.) it holds.</summary>
    private static readonly (string File, string Title, int[] Sections)[] Parts =
    [
        ("hub.md", "The hub: overview, errors, methods and messages", [1, 2, 3, 4]),
        ("rest.md", "The REST API", [5]),
        ("rules.md", "The rules a client must know, and caveats", [6, 7]),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_protocol_parts_are_the_whole_document_cut_at_its_sections()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "protocol.md"), Ct);
        var sections = Sections(document);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], sections.Keys.Order());
        Assert.Equal(sections.Keys.Order(), Parts.SelectMany(p => p.Sections).Order());

        foreach (var part in Parts)
        {
            await GoldenFile.CheckAsync(Path.Combine("docs", "protocol", part.File), Cut(part, sections), "Run this test with OCD_WRITE_GOLDEN=1 to cut it again.");
        }
    }

    /// <summary>The document's top-level numbered sections, by number, each from its heading to the next.</summary>
    private static Dictionary<int, string> Sections(string document)
    {
        var headings = TopLevel().Matches(document).ToList();
        return headings.Select((h, i) => (
                Number: int.Parse(h.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                Text: document[h.Index..(i + 1 < headings.Count ? headings[i + 1].Index : document.Length)].TrimEnd().TrimEnd('-').TrimEnd()))
            .ToDictionary(s => s.Number, s => s.Text);
    }

    private static string Cut((string File, string Title, int[] Sections) part, Dictionary<int, string> sections)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"# OpenClosedDebate protocol: {part.Title}"));
        text.AppendLine();
        text.AppendLine(Invariant($"Section{(part.Sections.Length > 1 ? "s" : "")} {string.Join(", ", part.Sections)} of [the protocol](../protocol.md), cut from it by `ProtocolPartsTests`:"));
        text.AppendLine("don't edit this file; edit `docs/protocol.md` and run that test with `OCD_WRITE_GOLDEN=1`. The other parts:");
        foreach (var other in Parts.Where(p => p.File != part.File))
        {
            text.AppendLine(Invariant($"- [{other.Title}]({other.File}): §{string.Join(", §", other.Sections)}"));
        }

        text.AppendLine();
        text.AppendLine("The REST API's reference is also generated from the server's OpenAPI document: `GET /api/openapi/v1.json`, shown at");
        text.AppendLine("`/api/openapi/reference/v1` on a running server.");
        foreach (var n in part.Sections)
        {
            text.AppendLine();
            text.AppendLine(sections[n]);
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^## (\d+)\. ", RegexOptions.Multiline)]
    private static partial Regex TopLevel();
}
