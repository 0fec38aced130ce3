namespace OpenClosedDebate.Server.Transcripts;

using System.Text;

/// <summary>
/// User text made inert in Markdown: every character that can start a heading, list, quote, code,
/// emphasis, link, autolink, table or raw HTML is backslash-escaped, and line breaks stay inside
/// the item they belong to. So an argument can't forge a heading or a link.
/// </summary>
internal static class Markdown
{
    private const string Special = "\\`*_{}[]()#+-.!|<>~:@=&";

    public static string Escape(string? text, string continuation = "")
    {
        var builder = new StringBuilder((text?.Length ?? 0) + 16);
        foreach (var c in text ?? string.Empty)
        {
            if (c == '\n')
            {
                // A hard line break that stays inside the current paragraph or list item.
                builder.Append("\\\n").Append(continuation);
                continue;
            }

            if (Special.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
