namespace OpenClosedDebate.LoadTest;

using System.Net.Http.Json;
using System.Text.Json;

/// <summary>What the instructor does, done the way each target allows: the debate server's REST API and console, or the bare hub.</summary>
internal interface IRoomHost : IAsyncDisposable
{
    Target Target { get; }

    /// <summary>Creates a room with one argument round and opens it; returns its join code.</summary>
    Task<string> OpenRoomAsync(int argueSeconds, int voteSeconds, CancellationToken ct);

    Task StartAsync(string code, CancellationToken ct);

    /// <summary>Moves from arguing to voting; returns the voting deadline.</summary>
    Task<DateTimeOffset> VoteAsync(string code, int voteSeconds, CancellationToken ct);

    /// <summary>Checks what was stored against what was acknowledged: (lost, duplicated) arguments and ballots.</summary>
    Task<Integrity> VerifyAsync(string code, Measurements measurements, CancellationToken ct);
}

/// <summary>Lost and duplicated submissions; every one must be zero. Null where a target can't tell (the bare hub stores nothing).</summary>
internal sealed record Integrity(int? LostArguments, int? DuplicateArguments, int? LostBallots, int? DuplicateBallots);

/// <summary>The debate server: an instructor made with the CLI, signed in over REST, controlling rooms over the hub.</summary>
internal sealed class DebateServerHost(Target target, HttpClient http, string cookie) : IRoomHost
{
    private const string Email = "load@example.edu";
    private const string Password = "a long load-test password";
    private readonly Dictionary<string, (string Id, HubSocket Console)> _rooms = new(StringComparer.Ordinal);

    public Target Target => target;

    public static async Task<DebateServerHost> StartAsync(Target target)
    {
        await target.AddInstructorAsync(Email, Password);
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = target.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        var response = await http.PostAsJsonAsync("/api/auth/sign-in", new { email = Email, password = Password });
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return new DebateServerHost(target, http, cookie);
    }

    public async Task<string> OpenRoomAsync(int argueSeconds, int voteSeconds, CancellationToken ct)
    {
        var plan = new
        {
            motion = "Frontier models should be open.",
            settings = new { maxRankedItems = 3 },
            rounds = new[] { new { title = "Research", prompt = "Argue for your side.", kind = "argument", argueSeconds, voteSeconds, resultsSeconds = 600 } },
        };
        var response = await http.PostAsJsonAsync("/api/debates", new { plan }, ct);
        response.EnsureSuccessStatusCode();
        var debate = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var (id, code) = (debate.GetProperty("id").GetString()!, debate.GetProperty("joinCode").GetString()!);
        var console = await HubSocket.ConnectAsync(target.Hub, null, ct, cookie);
        await console.InvokeAsync("Attach", [id], ct);
        await console.InvokeAsync("OpenLobby", [id], ct);
        _rooms[code] = (id, console);
        return code;
    }

    public Task StartAsync(string code, CancellationToken ct) => _rooms[code].Console.InvokeAsync("Start", [_rooms[code].Id], ct);

    public async Task<DateTimeOffset> VoteAsync(string code, int voteSeconds, CancellationToken ct)
    {
        var (id, console) = _rooms[code];
        await console.InvokeAsync("Skip", [id], ct);
        var snapshot = await console.InvokeAsync("Attach", [id], ct);
        return snapshot.GetProperty("clock").GetProperty("deadline").GetDateTimeOffset();
    }

    public async Task<Integrity> VerifyAsync(string code, Measurements measurements, CancellationToken ct)
    {
        var review = await http.GetFromJsonAsync<JsonElement>($"/api/debates/{_rooms[code].Id}/export/debate.json", ct);
        var round = review.GetProperty("rounds")[0];
        var stored = round.GetProperty("open").EnumerateArray().Concat(round.GetProperty("closed").EnumerateArray())
            .Select(a => a.GetProperty("id").GetString()!).ToList();
        var acked = measurements.ArgumentsAcknowledged.Keys.ToHashSet(StringComparer.Ordinal);
        var ballots = round.GetProperty("ballots").EnumerateArray().ToList();
        return new Integrity(
            acked.Count(a => !stored.Contains(a)),
            stored.Count - stored.Distinct(StringComparer.Ordinal).Count() + stored.Count(s => !acked.Contains(s)),
            measurements.BallotsAcknowledged - ballots.Count,
            ballots.Count(b => b.GetProperty("revision").GetInt32() > 1));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, console) in _rooms.Values)
        {
            await console.DisposeAsync();
        }

        http.Dispose();
    }
}

/// <summary>The bare hub: rooms are just group names; the driver asks it to send results at the deadline.</summary>
internal sealed class BareHost(Target target, HubSocket driver) : IRoomHost
{
    private int _rooms;

    public Target Target => target;

    public static async Task<BareHost> StartAsync(Target target) =>
        new(target, await HubSocket.ConnectAsync(target.Hub, null, CancellationToken.None));

    public Task<string> OpenRoomAsync(int argueSeconds, int voteSeconds, CancellationToken ct) =>
        Task.FromResult($"ROOM{Interlocked.Increment(ref _rooms):D2}");

    public Task StartAsync(string code, CancellationToken ct) => Task.CompletedTask;

    public async Task<DateTimeOffset> VoteAsync(string code, int voteSeconds, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(voteSeconds);
        await driver.InvokeAsync("Close", [code, deadline], ct);
        return deadline;
    }

    public Task<Integrity> VerifyAsync(string code, Measurements measurements, CancellationToken ct) =>
        Task.FromResult(new Integrity(null, null, null, null));

    public ValueTask DisposeAsync() => driver.DisposeAsync();
}
