namespace OpenClosedDebate.Server.Tests;

using System.Net;
using System.Text.Json;

/// <summary>Reads RFC 9457 problem details, the shape every refused REST request answers with.</summary>
internal static class Problem
{
    /// <summary>Asserts the response is a problem with this status and a readable title; returns the title.</summary>
    public static async Task<string> TitleAsync(HttpResponseMessage response, HttpStatusCode status) =>
        (await ReadAsync(response, status)).Title;

    /// <summary>Asserts the response is a problem with this status and a readable title; returns the title and the code, if any.</summary>
    public static async Task<(string Title, string? Code)> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        var title = json.RootElement.GetProperty("title").GetString();
        Assert.False(string.IsNullOrWhiteSpace(title));
        var code = json.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        return (title!, code);
    }
}
