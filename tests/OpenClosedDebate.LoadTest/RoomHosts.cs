namespace OpenClosedDebate.LoadTest;

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

/// <summary>What the instructor does, done the way each target allows: the debate server's REST API and console, or the bare hub.</summary>
internal interface IRoomHost : IAsyncDisposable
{
    Target Target { get; }

    /// <summary>Creates a room with one argument round for <paramref name="capacity"/> students and opens it; returns its join code.</summary>
    Task<string> OpenRoomAsync(int argueSeconds, int voteSeconds, int capacity, CancellationToken ct);

    /// <summary>Creates a room running <paramref name="plan"/> (plan JSON, docs/protocol.md §5.8) for <paramref name="capacity"/> students and opens it; returns its join code.</summary>
    Task<string> OpenRoomAsync(JsonObject plan, int capacity, CancellationToken ct);

    Task StartAsync(string code, CancellationToken ct);

    /// <summary>Starts a room's plan; its clock then runs every phase to the end, as it would in class.</summary>
    Task RunPlanAsync(string code, IReadOnlyList<PlanRound> rounds, CancellationToken ct);

    /// <summary>Moves from arguing to voting; returns the voting deadline.</summary>
    Task<DateTimeOffset> VoteAsync(string code, int voteSeconds, CancellationToken ct);

    /// <summary>Checks what the rooms stored against what was acknowledged: (lost, duplicated) arguments and ballots.</summary>
    Task<Integrity> VerifyAsync(IReadOnlyList<string> codes, Measurements measurements, CancellationToken ct);
}

/// <summary>What a simulated student needs to know about a round of a plan to vote in it.</summary>
internal sealed record PlanRound(string Kind, int Options, int ArgueSeconds, int VoteSeconds, int ResultsSeconds)
{
    public static IReadOnlyList<PlanRound> Of(JsonObject plan) =>
        [.. plan["rounds"]!.AsArray().Select(r => new PlanRound(
            (string)r!["kind"]!,
            r["options"]!.AsArray().Count,
            (int)r["argueSeconds"]!,
            (int)r["voteSeconds"]!,
            (int?)r["resultsSeconds"] ?? 0))];
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

    public Task<string> OpenRoomAsync(int argueSeconds, int voteSeconds, int capacity, CancellationToken ct) =>
        OpenRoomAsync(
            JsonSerializer.SerializeToNode(new
            {
                motion = "Frontier models should be open.",
                settings = new { maxRankedItems = 3 },
                rounds = new[] { new { title = "Research", prompt = "Argue for your side.", kind = "argument", argueSeconds, voteSeconds, resultsSeconds = 600, options = Array.Empty<string>() } },
            })!.AsObject(),
            capacity,
            ct);

    /// <summary>The plan of the built-in template, as GET /api/templates gives it.</summary>
    public async Task<JsonObject> TemplatePlanAsync(string id, CancellationToken ct)
    {
        var templates = await http.GetFromJsonAsync<JsonArray>("/api/templates", ct);
        return templates!.Single(t => (string?)t!["id"] == id)!["plan"]!.AsObject();
    }

    public async Task<string> OpenRoomAsync(JsonObject plan, int capacity, CancellationToken ct)
    {
        var response = await http.PostAsJsonAsync("/api/debates", new { plan }, ct);
        response.EnsureSuccessStatusCode();
        var debate = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var (id, code) = (debate.GetProperty("id").GetString()!, debate.GetProperty("joinCode").GetString()!);
        var console = await HubSocket.ConnectAsync(target.Hub, null, ct, cookie);
        await console.InvokeAsync("Attach", [id], ct);

        // As an instructor does for a lecture hall: a room takes 150 students unless told otherwise.
        if (capacity > OpenClosedDebate.Domain.Debates.DebateLimits.DefaultCapacity)
        {
            await console.InvokeAsync("SetCapacity", [id, capacity], ct);
        }

        await console.InvokeAsync("OpenLobby", [id], ct);
        _rooms[code] = (id, console);
        return code;
    }

    public Task StartAsync(string code, CancellationToken ct) => _rooms[code].Console.InvokeAsync("Start", [_rooms[code].Id], ct);

    public Task RunPlanAsync(string code, IReadOnlyList<PlanRound> rounds, CancellationToken ct) => StartAsync(code, ct);

    public async Task<DateTimeOffset> VoteAsync(string code, int voteSeconds, CancellationToken ct)
    {
        var (id, console) = _rooms[code];
        await console.InvokeAsync("Skip", [id], ct);
        var snapshot = await console.InvokeAsync("Attach", [id], ct);
        return snapshot.GetProperty("clock").GetProperty("deadline").GetDateTimeOffset();
    }

    public async Task<Integrity> VerifyAsync(IReadOnlyList<string> codes, Measurements measurements, CancellationToken ct)
    {
        var stored = new List<string>();
        var ballots = new List<JsonElement>();
        foreach (var code in codes)
        {
            var review = await http.GetFromJsonAsync<JsonElement>($"/api/debates/{_rooms[code].Id}/export/debate.json", ct);
            foreach (var round in review.GetProperty("rounds").EnumerateArray())
            {
                foreach (var side in new[] { "open", "closed" })
                {
                    if (round.TryGetProperty(side, out var arguments) && arguments.ValueKind == JsonValueKind.Array)
                    {
                        stored.AddRange(arguments.EnumerateArray().Select(a => a.GetProperty("id").GetString()!));
                    }
                }

                ballots.AddRange(round.GetProperty("ballots").EnumerateArray());
            }
        }

        var acked = measurements.ArgumentsAcknowledged.Keys.ToHashSet(StringComparer.Ordinal);
        var storedSet = stored.ToHashSet(StringComparer.Ordinal);
        return new Integrity(
            acked.Count(a => !storedSet.Contains(a)),
            stored.Count - storedSet.Count + storedSet.Count(s => !acked.Contains(s)),
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

    public Task<string> OpenRoomAsync(int argueSeconds, int voteSeconds, int capacity, CancellationToken ct) =>
        Task.FromResult($"ROOM{Interlocked.Increment(ref _rooms):D3}");

    public Task<string> OpenRoomAsync(JsonObject plan, int capacity, CancellationToken ct) => OpenRoomAsync(0, 0, capacity, ct);

    public Task StartAsync(string code, CancellationToken ct) => driver.InvokeAsync("Phase", [code, 0, "argue", DateTimeOffset.UtcNow.AddHours(1)], ct);

    /// <summary>The bare hub has no clock: the driver announces each phase at the times the plan gives, and asks for results at each voting deadline.</summary>
    public Task RunPlanAsync(string code, IReadOnlyList<PlanRound> rounds, CancellationToken ct)
    {
        _ = Task.Run(
            async () =>
            {
                for (var i = 0; i < rounds.Count; i++)
                {
                    if (rounds[i].Kind == "argument")
                    {
                        await PhaseAsync(code, i, "argue", rounds[i].ArgueSeconds, ct);
                    }

                    var deadline = DateTimeOffset.UtcNow.AddSeconds(rounds[i].VoteSeconds);
                    await driver.InvokeAsync("Close", [code, deadline, i], ct);
                    await PhaseAsync(code, i, "vote", rounds[i].VoteSeconds, ct, deadline);
                    await PhaseAsync(code, i, "results", rounds[i].ResultsSeconds, ct);
                }
            },
            ct);
        return Task.CompletedTask;
    }

    public async Task<DateTimeOffset> VoteAsync(string code, int voteSeconds, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(voteSeconds);
        await driver.InvokeAsync("Close", [code, deadline, 0], ct);
        return deadline;
    }

    public Task<Integrity> VerifyAsync(IReadOnlyList<string> codes, Measurements measurements, CancellationToken ct) =>
        Task.FromResult(new Integrity(null, null, null, null));

    private async Task PhaseAsync(string code, int round, string phase, int seconds, CancellationToken ct, DateTimeOffset? deadline = null)
    {
        deadline ??= DateTimeOffset.UtcNow.AddSeconds(seconds);
        await driver.InvokeAsync("Phase", [code, round, phase, deadline], ct);
        var wait = deadline.Value - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, ct);
        }
    }

    public ValueTask DisposeAsync() => driver.DisposeAsync();
}
