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
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);
    private long _resultsAt;

    public string Name => name;

    public HubSocket? Socket { get; private set; }

    public string? ParticipantId { get; private set; }

    public string? Token { get; private set; }

    public string? DebateId { get; private set; }

    public string? MyArgument { get; private set; }

    /// <summary>UTC ticks at which the round's results arrived; zero until then.</summary>
    public long ResultsAt => Interlocked.Read(ref _resultsAt);

    public IReadOnlyCollection<string> ArgumentsSeen => [.. _seen.Keys];

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

    public async Task PostAsync(string text, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var ack = await Socket!.InvokeAsync("PostArgument", [new { requestId = $"{name}-a", text, replyToId = (string?)null }], ct);
        measurements.ArgumentAck.Add(clock.Elapsed.TotalMilliseconds);
        MyArgument = ack.GetProperty("argument").GetProperty("id").GetString();
        measurements.ArgumentsAcknowledged.TryAdd(MyArgument!, 0);
    }

    public async Task VoteAsync(int round, int k, Random random, CancellationToken ct)
    {
        var ranking = ArgumentsSeen.Where(a => a != MyArgument).OrderBy(_ => random.Next()).Take(k).ToArray();
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
                    _seen.TryAdd(e.GetProperty("argument").GetProperty("id").GetString()!, 0);
                    break;
                case "results":
                    Interlocked.CompareExchange(ref _resultsAt, arrived, 0);
                    measurements.ResultsBytes = bytes;
                    break;
            }
        }
    }
}
