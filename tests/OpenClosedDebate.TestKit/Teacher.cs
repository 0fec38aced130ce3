namespace OpenClosedDebate.TestKit;

using System.Net.Http.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// A signed-in instructor of any server the kit starts, in memory or as a process: REST through <see cref="Http"/>,
/// which carries the sign-in cookie, and live through <see cref="ConnectAsync"/>.
/// </summary>
public sealed class Teacher(HttpClient http, string cookie, Func<string?, Task<RoomClient>> connect)
{
    public HttpClient Http => http;

    /// <summary>The sign-in cookie, name=value, as a Cookie header carries it.</summary>
    public string Cookie => cookie;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<DebateDetail> CreateFromTemplateAsync(string templateId = "open-and-closed-models") => CreateAsync(new CreateDebateRequest(templateId, null));

    public Task<DebateDetail> CreateAsync(DebatePlan plan) => CreateAsync(new CreateDebateRequest(null, plan));

    /// <summary>A hub connection with this instructor's cookie.</summary>
    public Task<RoomClient> ConnectAsync() => connect(cookie);

    private async Task<DebateDetail> CreateAsync(CreateDebateRequest request)
    {
        var response = await http.PostAsJsonAsync("/api/debates", request, Wire.Json, Ct);
        Assert.True(response.IsSuccessStatusCode, $"Creating the debate failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return (await response.Content.ReadFromJsonAsync<DebateDetail>(Wire.Json, Ct))!;
    }
}
