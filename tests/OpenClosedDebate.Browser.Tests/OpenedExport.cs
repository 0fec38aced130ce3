namespace OpenClosedDebate.Browser.Tests;

using Microsoft.Playwright;

/// <summary>
/// An export opened in a tab of the instructor's browser with <c>page.GotoAsync</c>. The server sends
/// exports as attachments, which a browser only downloads; so the tab drops that one header and shows the
/// file as it would any text file (CSV as plain text, since Chromium downloads text/csv whatever the
/// header says). That is the worst case: if the file could be read as a page, this is where it would run.
/// </summary>
internal sealed record OpenedExport(IPage Page, PageGuard Guard, string Body, string ContentType, string Disposition)
{
    public static async Task<OpenedExport> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        var guard = PageGuard.Watch(page, dismissDialogs: true);
        string body = string.Empty, contentType = string.Empty, disposition = string.Empty;
        await page.RouteAsync(url, async route =>
        {
            var response = await route.FetchAsync();
            body = await response.TextAsync();
            contentType = response.Headers.GetValueOrDefault("content-type", string.Empty);
            disposition = response.Headers.GetValueOrDefault("content-disposition", string.Empty);
            var headers = response.Headers.Where(h => h.Key != "content-disposition").ToDictionary();
            if (contentType.StartsWith("text/csv", StringComparison.Ordinal))
            {
                headers["content-type"] = "text/plain; charset=utf-8";
            }

            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        var shown = await page.GotoAsync(url);
        Assert.True(shown?.Ok, $"{url} answered {shown?.Status}.");
        return new OpenedExport(page, guard, body, contentType, disposition);
    }

    /// <summary>What the tab shows: the document's text, as the browser laid the file out.</summary>
    public Task<string> ShownTextAsync() => Page.EvaluateAsync<string>("() => document.querySelector('pre')?.textContent ?? document.body.innerText");

    public Task<string> DocumentTypeAsync() => Page.EvaluateAsync<string>("() => document.contentType");

    /// <summary>Rows as column name to cell, by the header row.</summary>
    public static List<Dictionary<string, string>> CsvRecords(string text)
    {
        var rows = CsvReader.Parse(text);
        var header = rows[0];
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    /// <summary>How a CSV cell must hold a text: a spreadsheet formula start gets a leading apostrophe.</summary>
    public static string AsCsvCell(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
