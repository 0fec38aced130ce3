namespace OpenClosedDebate.LoadTest;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// A simulated student: one <see cref="HubSocket"/> that joins, posts, votes, and records what it
/// received: argument ids to rank, how late each update was, and when the results arrived.
/// </summary>
internal sealed class SimStudent(string name, Measurements measurements)
{
    private readonly ConcurrentDictionary<string, int> _seen = new(StringComparer.Ordinal);
    private long _resultsAt;

    /// <summary>Called for every event an update carries, on the receiving thread: how a scenario makes students react to the clock.</summary>
    public Action<SimStudent, JsonElement, long>? OnEvent { get; set; }

    public string Name => name;

    public HubSocket? Socket { get; private set; }

    public string? ParticipantId { get; private set; }

    public string? Token { get; private set; }

    public string? DebateId { get; private set; }

    public string? MyArgument { get; private set; }

    /// <summary>UTC ticks at which the round's results arrived; zero until then.</summary>
    public long ResultsAt => Interlocked.Read(ref _resultsAt);

    public IReadOnlyCollection<string> ArgumentsSeen => [.. _seen.Keys];

    /// <summary>The arguments of one round this student has seen.</summary>
    public IReadOnlyList<string> ArgumentsIn(int round) => [.. _seen.Where(a => a.Value == round).Select(a => a.Key)];

    public async Task ConnectAsync(Uri hub, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Socket = await HubSocket.ConnectAsync(hub, OnMessage, ct);
        measurements.Connect.Add(clock.Elapsed.TotalMilliseconds);
    }

    public async Task JoinAsync(string code, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var joined = await Socket!.InvokeAsync("Join", [new { code, name, requestId = Guid.NewGuid().ToString("N") }], ct);
        measurements.Join.Add(clock.Elapsed.TotalMilliseconds);
        ParticipantId = joined.GetProperty("participantId").GetString();
        Token = joined.GetProperty("resumeToken").GetString();
        DebateId = joined.GetProperty("debateId").GetString();
    }

    /// <summary>A new connection resuming with the token, as a phone does after the server restarts.</summary>
    public async Task ResumeAsync(Uri hub, string code, CancellationToken ct)
    {
        if (Socket is not null)
        {
            await Socket.DisposeAsync();
        }

        Socket = await HubSocket.ConnectAsync(hub, OnMessage, ct);
        await Socket.InvokeAsync("Resume", [new { debateId = DebateId, token = Token, code }], ct);
    }

    public async Task PostAsync(string text, CancellationToken ct, int round = 0)
    {
        var clock = Stopwatch.StartNew();
        var ack = await Socket!.InvokeAsync("PostArgument", [new { requestId = $"{name}-a{round}", text, replyToId = (string?)null }], ct);
        measurements.ArgumentAck.Add(clock.Elapsed.TotalMilliseconds);
        MyArgument = ack.GetProperty("argument").GetProperty("id").GetString();
        measurements.ArgumentsAcknowledged.TryAdd(MyArgument!, 0);
    }

    public Task VoteAsync(int round, int k, Random random, CancellationToken ct) =>
        SubmitAsync(round, [.. ArgumentsSeen.Where(a => a != MyArgument).OrderBy(_ => random.Next()).Take(k)], ct);

    /// <summary>Casts a ballot with the given ranking (argument ids, option ids, or one motion choice).</summary>
    public async Task SubmitAsync(int round, string[] ranking, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await Socket!.InvokeAsync("SubmitBallot", [new { requestId = $"{name}-b{round}", roundIndex = round, ranking }], ct);
        measurements.BallotAck.Add(clock.Elapsed.TotalMilliseconds);
        Interlocked.Increment(ref measurements.BallotsAcknowledged);
    }

    private void OnMessage(string target, JsonElement update, long arrived, int bytes)
    {
        if (target != "Update")
        {
            return;
        }

        var sent = DateTimeOffset.Parse(update.GetProperty("serverNow").GetString()!, CultureInfo.InvariantCulture).UtcTicks;
        measurements.FanOut.Add(TimeSpan.FromTicks(arrived - sent).TotalMilliseconds);
        measurements.CountUpdate(this, sent);
        foreach (var e in update.GetProperty("events").EnumerateArray())
        {
            switch (e.GetProperty("type").GetString())
            {
                case "argument":
                    var argument = e.GetProperty("argument");
                    _seen.TryAdd(argument.GetProperty("id").GetString()!, argument.GetProperty("roundIndex").GetInt32());
                    break;
                case "results":
                    Interlocked.CompareExchange(ref _resultsAt, arrived, 0);
                    measurements.ResultsBytes = bytes;
                    break;
            }

            OnEvent?.Invoke(this, e, arrived);
        }
    }
}
