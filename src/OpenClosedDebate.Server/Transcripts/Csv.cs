namespace OpenClosedDebate.Server.Transcripts;

using System.Text;

/// <summary>
/// CSV as Excel and RFC 4180 read it: UTF-8 with a byte order mark (without one, Excel reads the file in the
/// machine's legacy code page and garbles accents), every cell quoted, so commas, quotes and line breaks round-trip,
/// and records ending with CRLF. A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a
/// carriage return) gets a leading apostrophe, so opening the file can't run anything.
/// </summary>
internal static class Csv
{
    /// <summary>UTF-8 that writes its byte order mark first.</summary>
    public static readonly UTF8Encoding Encoding = new(encoderShouldEmitUTF8Identifier: true);

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static Task WriteRowAsync(TextWriter writer, params string?[] cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                line.Append(',');
            }

            line.Append(Cell(cells[i]));
        }

        // RFC 4180 ends records with CRLF.
        line.Append("\r\n");
        return writer.WriteAsync(line.ToString());
    }
}
