namespace OpenClosedDebate.Browser.Tests;

/// <summary>
/// A server without the word filter, for tests of how text is shown: the filter would hold some hostile payloads
/// (single letters spaced out, as in <c>![x](x</c>, read as a spaced-out listed word) off the projector.
/// </summary>
public sealed class UnfilteredServer : IAsyncDisposable
{
    private readonly WebServer _server = WebServer.With(new Dictionary<string, string?> { ["Moderation:WordFilter"] = "false" });

    public string BaseUrl => _server.BaseUrl;

    public Task<RoomClient> StudentAsync(string code, string name) => _server.StudentAsync(code, name);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
