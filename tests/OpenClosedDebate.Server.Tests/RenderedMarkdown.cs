namespace OpenClosedDebate.Server.Tests;

using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

/// <summary>
/// A transcript as a real Markdown renderer (Markdig) reads it: under plain CommonMark, and with GitHub's extensions
/// (pipe tables, strikethrough, bare links, task lists).
/// </summary>
internal static class RenderedMarkdown
{
    public static readonly MarkdownPipeline CommonMark = new MarkdownPipelineBuilder().Build();

    public static readonly MarkdownPipeline Gfm = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras(Markdig.Extensions.EmphasisExtras.EmphasisExtraOptions.Strikethrough)
        .UseAutoLinks()
        .UseTaskLists()
        .Build();

    public static MarkdownDocument Parse(string markdown, MarkdownPipeline pipeline) => Markdig.Markdown.Parse(markdown, pipeline);

    /// <summary>The document's shape: every block by type, heading level and list kind, in order, without its text.</summary>
    public static List<string> Shape(MarkdownDocument document) =>
        [.. document.Descendants<Block>().Select(b => b switch
        {
            HeadingBlock h => $"h{h.Level}",
            ListBlock l => l.IsOrdered ? "ol" : "ul",
            Table t => $"table {t.Count}",
            _ => b.GetType().Name,
        })];

    /// <summary>The paragraphs of list items, as text.</summary>
    public static IEnumerable<(string Text, ContainerInline Inline)> ListItems(MarkdownDocument document) =>
        document.Descendants<ListItemBlock>().SelectMany(i => i.OfType<ParagraphBlock>()).Where(p => p.Inline is not null).Select(p => (Text(p.Inline!), (ContainerInline)p.Inline!));

    public static IEnumerable<string> Headings(MarkdownDocument document) =>
        document.Descendants<HeadingBlock>().Where(h => h.Inline is not null).Select(h => Text(h.Inline!));

    public static IEnumerable<string> TableCells(MarkdownDocument document) =>
        document.Descendants<TableCell>().SelectMany(c => c.OfType<ParagraphBlock>()).Where(p => p.Inline is not null).Select(p => Text(p.Inline!));

    /// <summary>The text a reader sees: literal text, a line break as \n, and what links, code and HTML show.</summary>
    public static string Text(Inline inline)
    {
        var text = new StringBuilder();
        void Walk(Inline i)
        {
            switch (i)
            {
                case LiteralInline l: text.Append(l.Content.ToString()); break;
                case LineBreakInline: text.Append('\n'); break;
                case CodeInline c: text.Append(c.Content); break;
                case HtmlInline h: text.Append(h.Tag); break;
                case HtmlEntityInline e: text.Append(e.Transcoded.ToString()); break;
                case AutolinkInline a: text.Append(a.Url); break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(inline);
        return text.ToString();
    }

    /// <summary>
    /// What in an inline is not plain text: emphasis, code, HTML, an entity, or a link that shows other text than its
    /// address (a bare address a renderer links, showing itself, is honest and allowed).
    /// </summary>
    public static IEnumerable<string> Markup(Inline inline) => inline switch
    {
        LinkInline { IsAutoLink: true } link when Text(link) == link.Url || "http://" + Text(link) == link.Url || "https://" + Text(link) == link.Url => [],
        EmphasisInline e => [$"emphasis {e.DelimiterChar}{e.DelimiterCount}: {Text(e)}", .. e.SelectMany(Markup)],
        LinkInline l => [$"link {l.Url}: {Text(l)}"],
        CodeInline c => [$"code {c.Content}"],
        HtmlInline h => [$"html {h.Tag}"],
        HtmlEntityInline e => [$"entity {e.Original}"],
        AutolinkInline a => [$"autolink {a.Url}"],
        ContainerInline c => c.SelectMany(Markup),
        _ => [],
    };
}
