namespace OpenClosedDebate.TestKit;

using CsvHelper;

/// <summary>
/// Reads exported CSV back with CsvHelper, strictly: RFC 4180 quoting, commas only, and any malformed quoting or a
/// record of another width than the first throws. A leading byte order mark (the exports write one) is skipped.
/// </summary>
public static class CsvReader
{
    private static readonly CsvReaderOptions Strict = CsvReaderOptions.Default with
    {
        Separator = ',',
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        SkipEmptyLines = false,
        TrimWhitespace = false,
    };

    public static List<List<string>> Parse(string text)
    {
        using var reader = CsvHelper.CsvReader.FromText(text.StartsWith('\uFEFF') ? text[1..] : text, Strict);
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add([.. reader.Current.ToArray().Select(cell => cell ?? string.Empty)]);
        }

        return rows;
    }
}
