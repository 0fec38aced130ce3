namespace OpenClosedDebate.Hardening.Tests;

using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A fifth of the class loses its connection mid-round, twice. Every phone comes back by itself,
/// resumes with its token, resends what wasn't acknowledged, and ends with exactly the server's tally.
/// </summary>
public sealed class NetworkDropTests
{
    private const int Students = 50;
    private const int ArgumentsEach = 2;

    [Fact]
    public async Task Dropped_connections_reconnect_resume_and_end_with_the_servers_tally_without_duplicates()
    {
        var random = new Random(5);

        // The console reads every argument back a page at a time, faster than a person would.
        await using var server = await RealServer.StartAsync(new Dictionary<string, string> { ["RateLimits:ArgumentPageBurst"] = "1000" });
        await using var proxy = new FlakyProxy(server.Port);
        var fast = new Reconnect();
        await using var room = await Classroom.OpenAsync(
            server, Students, join: (i, code) => Pupil.JoinAsync(server, code, $"Student {i:D2}", proxy.Address, fast));
        Assert.Equal(Students, proxy.Open);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);

        // Everyone posts while a fifth of the connections are cut.
        var posting = room.Students.Select((s, i) => Task.Run(async () =>
        {
            for (var n = 0; n < ArgumentsEach; n++)
            {
                var (requestId, text) = ($"s{i}-a{n}", $"Argument {n} of {s.Name} ({Guid.NewGuid():N}): open models let schools run them offline.");
                await s.UntilAcknowledgedAsync(() => s.PostAsync(requestId, text));
            }
        })).ToList();
        await WaitForAsync(() => room.Students.Sum(s => s.Acknowledged.Count) >= Students / 2);
        var dropped = proxy.Drop(0.2, random);
        await Task.WhenAll(posting);
        Assert.Equal(Students / 5, dropped);

        var arguments = await room.Console.EveryArgumentAsync(await room.Console.AttachAsync(room.Debate.Id));
        Assert.Equal(Students * ArgumentsEach, arguments.Count);
        Assert.Equal(room.Students.SelectMany(s => s.Acknowledged.Values.Select(a => a.Argument.Id)).Order(), arguments.Select(a => a.Id).Order());

        // Voting, with another fifth cut while ballots are in flight.
        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Vote);
        var ids = arguments.Select(a => (a.Id, a.AuthorId)).ToList();
        var voting = room.Students.Select((s, i) => Task.Run(async () =>
        {
            var ranking = ids.Where(a => a.AuthorId != s.ParticipantId).OrderBy(_ => Random.Shared.Next()).Take(3).Select(a => a.Id.ToString()).ToArray();
            await s.UntilAcknowledgedAsync(() => s.VoteAsync($"s{i}-b0", 0, ranking));
        })).ToList();
        await WaitForAsync(() => room.Students.Sum(s => s.BallotsAcknowledged.Count) >= Students / 3);
        dropped += proxy.Drop(0.2, random);
        await Task.WhenAll(voting);

        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Results);
        var final = await room.ReattachAsync();
        var tally = Assert.Single(final.Results, r => r.RoundIndex == 0);
        Assert.Equal(Students, tally.BallotCount);

        // Every phone, dropped or not, ends with the server's tally and the server's arguments.
        var expected = JsonSerializer.Serialize(tally, Wire.Json);
        foreach (var s in room.Students)
        {
            await s.Client.WaitUntilAsync(v => v.Results.ContainsKey(0), $"{s.Name} sees the results", TimeSpan.FromSeconds(30));
            Assert.Equal(expected, s.Client.Read(v => JsonSerializer.Serialize(v.Results[0], Wire.Json)));
            Assert.Equal(Students * ArgumentsEach, s.Client.Read(v => v.Total(0)));
            Assert.Empty(s.Client.Read(v => v.Arguments.Keys.Except(arguments.Select(a => a.Id)).ToList()));
        }

        var resumed = room.Students.Count(s => s.Resumes > 0);
        Assert.True(resumed >= dropped * 3 / 4, $"{resumed} students resumed after {dropped} drops.");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{dropped} connections dropped; {resumed} students reconnected and resumed; {room.Students.Sum(s => s.Retries)} submissions resent.");

        // Resent submissions were never stored twice.
        var submissions = server.Store.Events("ArgumentPosted", "BallotCast");
        Assert.Equal((Students * (ArgumentsEach + 1), Students * (ArgumentsEach + 1)), (submissions.Count, submissions.Select(e => e.RequestId).Distinct().Count()));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The storm stalled.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Reconnects at once, then every 100 ms, as long as the test needs.</summary>
    private sealed class Reconnect : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(100);
    }
}
