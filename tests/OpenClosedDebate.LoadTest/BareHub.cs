namespace OpenClosedDebate.LoadTest;

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

/// <summary>
/// The baseline: a SignalR hub with the same method names and the same broadcast pattern as the debate
/// server (join a room's group, post, vote, updates coalesced to one flush per 250 ms, results at a
/// deadline) but no debate logic, no database and no authorisation. Our overhead is measured against it.
/// </summary>
internal static class BareHub
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<BareRooms>();
        var app = builder.Build();
        app.MapGet("/healthz", () => "Healthy");
        app.MapHub<BareDebateHub>("/hubs/debate");
        await app.RunAsync();
        return 0;
    }
}

/// <summary>Rooms of the bare hub: a group each, with pending events flushed every 250 ms.</summary>
internal sealed class BareRooms(IHubContext<BareDebateHub> hub)
{
    private readonly ConcurrentDictionary<string, BareRoom> _rooms = new(StringComparer.Ordinal);

    public BareRoom Get(string code) => _rooms.GetOrAdd(code, c => new BareRoom(c, hub));
}

/// <summary>One room: events wait here and go to the group together, at most four times a second.</summary>
internal sealed class BareRoom(string code, IHubContext<BareDebateHub> hub)
{
    private readonly Lock _lock = new();
    private List<object> _pending = [];
    private bool _flushing;
    private long _seq;

    public string Code => code;

    /// <summary>The round the driver last announced; arguments are tagged with it.</summary>
    public int Round { get; set; }

    /// <summary>Announces a phase to the room at once, as the debate server's clock events do.</summary>
    public Task PhaseAsync(int round, string phase, DateTimeOffset deadline)
    {
        Round = round;
        var clock = new { status = "running", roundIndex = round, phase, deadline, remainingMs = (long)(deadline - DateTimeOffset.UtcNow).TotalMilliseconds, paused = false };
        return hub.Clients.Group(code).SendAsync("Update", new { serverNow = DateTimeOffset.UtcNow, events = new object[] { new { type = "clock", clock, seq = Add(new { type = "noop" }) } } });
    }

    public long Add(object e)
    {
        lock (_lock)
        {
            _pending.Add(e);
            var seq = ++_seq;
            if (!_flushing)
            {
                _flushing = true;
                _ = Task.Run(FlushAsync);
            }

            return seq;
        }
    }

    /// <summary>Sends the results at the deadline, straight away rather than coalesced, as the debate server's round close does.</summary>
    public async Task CloseAtAsync(DateTimeOffset deadline, int round)
    {
        var wait = deadline - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await hub.Clients.Group(code).SendAsync("Update", new { serverNow = DateTimeOffset.UtcNow, events = new object[] { new { type = "results", result = new { roundIndex = round }, seq = Add(new { type = "noop" }) } } });
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            await Task.Delay(250);
            List<object> events;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                (events, _pending) = (_pending, []);
            }

            await hub.Clients.Group(code).SendAsync("Update", new { serverNow = DateTimeOffset.UtcNow, events });
        }
    }
}

/// <summary>The hub: Join, PostArgument, SubmitBallot, and a Close the driver calls in place of the instructor's controls.</summary>
internal sealed class BareDebateHub(BareRooms rooms) : Hub
{
    public async Task<object> Join(JsonElement request)
    {
        var code = request.GetProperty("code").GetString()!;
        await Groups.AddToGroupAsync(Context.ConnectionId, code);
        Context.Items["room"] = rooms.Get(code);
        return new { debateId = Guid.Empty, participantId = Guid.NewGuid(), resumeToken = Guid.NewGuid().ToString("N"), snapshot = new { version = 0 } };
    }

    public async Task<object> Resume(JsonElement request)
    {
        var code = request.GetProperty("code").GetString()!;
        await Groups.AddToGroupAsync(Context.ConnectionId, code);
        Context.Items["room"] = rooms.Get(code);
        return new { version = 0 };
    }

    public object PostArgument(JsonElement request)
    {
        var argument = new { id = Guid.NewGuid(), roundIndex = Room().Round, text = request.GetProperty("text").GetString(), postedAt = DateTimeOffset.UtcNow };
        Room().Add(new { type = "argument", argument });
        return new { requestId = request.GetProperty("requestId").GetString(), argument };
    }

    public object SubmitBallot(JsonElement request)
    {
        var ballot = new { ranking = request.GetProperty("ranking"), castAt = DateTimeOffset.UtcNow };
        Room().Add(new { type = "counts" });
        return new { requestId = request.GetProperty("requestId").GetString(), ballot };
    }

    public void Close(string code, DateTimeOffset deadline, int round) => _ = rooms.Get(code).CloseAtAsync(deadline, round);

    public Task Phase(string code, int round, string phase, DateTimeOffset deadline) => rooms.Get(code).PhaseAsync(round, phase, deadline);

    private BareRoom Room() => Context.Items["room"] as BareRoom ?? throw new HubException("Join first.");
}
