namespace OpenClosedDebate.Server.Transcripts;

using System.Text;

/// <summary>
/// User text made inert in Markdown (CommonMark and GitHub's extensions) while it still reads as plain text: only
/// what a renderer would misread is backslash-escaped. Anywhere: <c>\ ` * _ [ ] &lt; &gt; | ~</c>, and <c>&amp;</c>
/// before a letter, digit or <c>#</c> (an entity). At the start of a line (after spaces): <c># + - =</c> and the
/// <c>.</c> or <c>)</c> after digits, so no heading, list, quote, thematic break or setext underline begins; a run of
/// <c>#</c> ending a line, which a heading would drop. Line breaks stay inside the item they belong to. So an argument
/// can't forge a heading, emphasis, a link, code or HTML, and "Round 5 (Benefits): 18:58 UTC." stays as it is.
/// </summary>
internal static class Markdown
{
    private const string Inline = "\\`*_[]<>|~";
    private const string LineStart = "#+-=";

    public static string Escape(string? text, string continuation = "")
    {
        var lines = (text ?? string.Empty).Split('\n');
        var builder = new StringBuilder((text?.Length ?? 0) + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                // A hard line break that stays inside the current paragraph or list item.
                builder.Append("\\\n").Append(continuation);
            }

            Line(lines[i], builder);
        }

        return builder.ToString();
    }

    private static void Line(string line, StringBuilder builder)
    {
        var first = 0;
        while (first < line.Length && line[first] is ' ' or '\t')
        {
            first++;
        }

        var digitsEnd = first;
        while (digitsEnd < line.Length && char.IsAsciiDigit(line[digitsEnd]))
        {
            digitsEnd++;
        }

        // An ordered list marker: up to nine digits, then . or ).
        var listMarker = digitsEnd > first && digitsEnd - first <= 9 && digitsEnd < line.Length && line[digitsEnd] is '.' or ')' ? digitsEnd : -1;
        var closingHashes = line.TrimEnd(' ').Length;
        while (closingHashes > 0 && line[closingHashes - 1] == '#')
        {
            closingHashes--;
        }

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            var escape = Inline.Contains(c, StringComparison.Ordinal)
                || (i == first && LineStart.Contains(c, StringComparison.Ordinal))
                || i == listMarker
                || (c == '#' && i >= closingHashes)
                || (c == '&' && i + 1 < line.Length && (char.IsAsciiLetterOrDigit(line[i + 1]) || line[i + 1] == '#'));
            if (escape)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}
