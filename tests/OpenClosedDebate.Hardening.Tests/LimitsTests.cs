namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>The message size limit and the rate limits, against a real server.</summary>
public sealed class LimitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_message_over_the_size_limit_closes_that_connection_only()
    {
        await using var server = await RealServer.StartAsync();
        await using var room = await Classroom.OpenAsync(server, 2);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var (prankster, neighbour) = (room.Students[0], room.Students[1]);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        prankster.Client.Connection.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };

        var huge = new string('x', 70 * 1024);
        await Assert.ThrowsAnyAsync<Exception>(() => prankster.PostAsync("huge", huge));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(HubConnectionState.Disconnected, prankster.Client.Connection.State);

        // Nobody else noticed: the neighbour posts, the console sees it, the prankster can come back.
        await neighbour.PostAsync("n-1", "Open models let a school keep its data at home.");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 1, "the neighbour's argument");
        await prankster.ReconnectAsync();
        await prankster.PostAsync("p-1", "A normal-sized argument after all.");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 2, "the prankster's normal argument");
    }

    [Fact]
    public async Task Posting_and_voting_faster_than_the_limits_is_refused_without_changing_anything()
    {
        await using var server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["RateLimits:ArgumentRefill"] = "00:10:00",
            ["RateLimits:BallotRefill"] = "00:10:00",
        });
        await using var room = await Classroom.OpenAsync(server, 2);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var (eager, calm) = (room.Students[0], room.Students[1]);
        for (var n = 0; n < 5; n++)
        {
            await eager.PostAsync($"e-{n}", $"Argument number {n} from the eager student.");
        }

        var sentence = await Refused.WithAsync("rateLimited", () => eager.PostAsync("e-5", "One too many, too fast."));
        Assert.Contains("try again", sentence, StringComparison.OrdinalIgnoreCase);
        Assert.True(eager.Client.Connection.State == HubConnectionState.Connected, "A rate-limited connection must stay open.");

        // A new connection doesn't refill the bucket: it belongs to the student.
        await eager.ReconnectAsync();
        await Refused.WithAsync("rateLimited", () => eager.PostAsync("e-5", "One too many, too fast."));
        await calm.PostAsync("c-0", "The calm student is not affected.");
        await room.Console.WaitUntilAsync(v => v.Arguments.Count == 6, "six arguments");

        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Vote);
        var calmsArgument = room.Console.Read(v => v.Arguments.Values.Single(a => a.AuthorId == calm.ParticipantId).Id.ToString());
        for (var n = 0; n < 10; n++)
        {
            await eager.VoteAsync($"b-{n}", 0, [calmsArgument]);
        }

        await Refused.WithAsync("rateLimited", () => eager.VoteAsync("b-10", 0, [calmsArgument]));
        var snapshot = await room.ReattachAsync();
        Assert.Equal(6, snapshot.Arguments.Count);
        Assert.Equal(1, snapshot.Counts.Ballots);
    }

    [Fact]
    public async Task One_client_flooding_refused_calls_over_eight_connections_is_closed_and_an_honest_median_stays_within_three_times_quiet()
    {
        const int Victims = 10;
        const int FloodConnections = 8;
        const int Revisions = 10;

        // A burst of 30 ballots, rather than 10, lets each honest student revise ten times in each of three measurements.
        await using var server = await RealServer.StartAsync(new Dictionary<string, string> { ["RateLimits:BallotBurst"] = "30" });
        await using var room = await Classroom.OpenAsync(server, Victims + 1);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        await Task.WhenAll(room.Students.Select((s, i) => s.PostAsync($"s{i}", $"The argument of {s.Name}, short and sweet.")));
        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Vote);
        var arguments = room.Console.Read(v => v.Arguments.Values.Select(a => (Id: a.Id.ToString(), a.AuthorId)).ToList());
        var victims = room.Students.Take(Victims).ToList();
        var flooder = room.Students[^1];

        async Task<List<double>> MeasureAsync(string round)
        {
            var samples = new List<double>();
            await Task.WhenAll(victims.Select(async (v, i) =>
            {
                var choice = arguments.Where(a => a.AuthorId != v.ParticipantId).Select(a => a.Id).ToArray();
                for (var n = 0; n < Revisions; n++)
                {
                    var clock = Stopwatch.StartNew();
                    await v.VoteAsync($"{round}-{i}-{n}", 0, [choice[n % choice.Length]]);
                    lock (samples)
                    {
                        samples.Add(clock.Elapsed.TotalMilliseconds);
                    }

                    // An eager but honest student: a revision every 40 ms or so, under the 50 calls a second a connection may make.
                    await Task.Delay(TimeSpan.FromMilliseconds(40) - clock.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero, Ct);
                }
            }));
            samples.Sort();
            return samples;
        }

        await MeasureAsync("warm-up");
        var quietCpu = server.CpuTime();
        var quietClock = Stopwatch.StartNew();
        var quiet = await MeasureAsync("quiet");
        var quietLoad = (server.CpuTime() - quietCpu) / quietClock.Elapsed;

        // The flooder speaks for one student over eight connections and sends nothing but calls that are
        // refused (ballots for a round that isn't voting, for items that don't exist), sixteen at a time;
        // each connection is opened again as soon as the server closes it.
        using var stop = new CancellationTokenSource();
        var (sent, refused, closed) = (0, 0, 0);
        var flood = Enumerable.Range(0, FloodConnections).Select(c => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await using var connection = server.Connection();
                try
                {
                    await connection.StartAsync(Ct);
                    await connection.InvokeAsync<RoomSnapshot>("Resume", new ResumeRequest(flooder.DebateId, flooder.Token), Ct);
                }
                catch (Exception e) when (e is HubException or IOException or InvalidOperationException or HttpRequestException or TaskCanceledException)
                {
                    continue;
                }

                while (!stop.IsCancellationRequested && connection.State == HubConnectionState.Connected)
                {
                    var calls = Enumerable.Range(0, 16).Select(k => connection.InvokeAsync<BallotAck>(
                        "SubmitBallot", new BallotRequest($"f-{Interlocked.Increment(ref sent)}", k % 2, [$"no-such-item-{k}"]), Ct)).ToList();
                    foreach (var call in calls)
                    {
                        try
                        {
                            await call;
                        }
                        catch (HubException)
                        {
                            Interlocked.Increment(ref refused);
                        }
                        catch (Exception e) when (e is IOException or InvalidOperationException or TaskCanceledException)
                        {
                        }
                    }
                }

                Interlocked.Increment(ref closed);
            }
        }, Ct)).ToList();
        // Measure once the server has closed every flooding connection at least once, so the flood is as hot as it gets:
        // from then on the student sits out RateLimits:RefusalCooldown, and each connection the flooder reopens is held.
        while (Volatile.Read(ref closed) < FloodConnections)
        {
            await Task.Delay(5, Ct);
        }

        var (sentBefore, refusedBefore, closedBefore) = (Volatile.Read(ref sent), Volatile.Read(ref refused), Volatile.Read(ref closed));
        var loudCpu = server.CpuTime();
        var loudClock = Stopwatch.StartNew();
        var loud = await MeasureAsync("flood");
        var loudLoad = (server.CpuTime() - loudCpu) / loudClock.Elapsed;
        var (sentDuring, refusedDuring, closedDuring) = (Volatile.Read(ref sent) - sentBefore, Volatile.Read(ref refused) - refusedBefore, Volatile.Read(ref closed) - closedBefore);
        await stop.CancelAsync();
        await Task.WhenAll(flood);

        double Median(List<double> s) => s[s.Count / 2];
        double P90(List<double> s) => s[(int)(s.Count * 0.9)];
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Ballot acknowledgements for {Victims} students: quiet {quiet.Count} samples, median {Median(quiet):F1} ms, p90 {P90(quiet):F1} ms; " +
            $"while one student flooded {sent} refused calls on {FloodConnections} connections ({refused} answered as refused, {closed} connections closed by the server): " +
            $"{loud.Count} samples, median {Median(loud):F1} ms, p90 {P90(loud):F1} ms (median ratio {Median(loud) / Median(quiet):F2}); " +
            $"while the honest students voted, the flooder sent {sentDuring} calls, {refusedDuring} were answered as refused and {closedDuring} connections were closed. " +
            $"Server CPU: {quietLoad:P0} of one core when quiet, {loudLoad:P0} during the flood.");
        Assert.True(closed >= FloodConnections, "The server never closed a flooding connection.");

        // The flooder runs on the same two cores as the server and the victims; the bound is the issue's.
        Assert.True(Median(loud) <= Median(quiet) * 3, $"The flood moved an honest median from {Median(quiet):F1} ms to {Median(loud):F1} ms.");
        Assert.Equal(Victims, (await room.ReattachAsync()).Counts.Ballots);
    }
}
