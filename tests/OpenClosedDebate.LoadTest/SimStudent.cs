namespace OpenClosedDebate.LoadTest;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

/// <summary>
/// A simulated student: one <see cref="HubSocket"/> that joins, posts, votes, and records what it
/// received: argument ids to rank, how late each update was, and when the results arrived.
/// </summary>
internal sealed partial class SimStudent(string name, Measurements measurements)
{
    /// <summary>How many times the student page tries a join the room asks it to wait for (client/src/student/JoinForm.tsx).</summary>
    private const int PageTries = 6;

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

    /// <summary>
    /// Joins as the student page does: with a join secret of its own, and, when the room says many are joining at
    /// once (roomBusy), waiting the seconds it names and trying again. The page gives up after six tries and asks
    /// the student to press Join again; a simulated student presses it at once and goes on, and is counted in
    /// <see cref="Measurements.JoinsPastPageRetries"/>. The time measured is from the first try to the
    /// acknowledgement, waits included.
    /// </summary>
    public async Task JoinAsync(string code, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        JsonElement joined;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                joined = await Socket!.InvokeAsync("Join", [new { code, name, joinSecret = secret }], ct);
                break;
            }
            catch (HubCallException busy) when (busy.Message.Contains("roomBusy:", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref measurements.JoinsToldToWait);
                if (attempt == PageTries)
                {
                    Interlocked.Increment(ref measurements.JoinsPastPageRetries);
                }

                var seconds = BusyWait().Match(busy.Message) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 5;
                await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
            }
        }

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

    [System.Text.RegularExpressions.GeneratedRegex(@"(\d+) seconds?")]
    private static partial System.Text.RegularExpressions.Regex BusyWait();
}
