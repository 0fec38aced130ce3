namespace OpenClosedDebate.Hardening.Tests;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// kill -9 in the middle of a storm of 200 students: what was acknowledged survives exactly once,
/// nothing is half-stored, retries with the same request id never duplicate, and the debate carries
/// on in the phase it was in with the same deadline. On SQLite, and once on PostgreSQL.
/// </summary>
public sealed class CrashTests(PostgresFixture postgres)
{
    private const int Students = 200;
    private const int ArgumentsEach = 3;
    private const int BallotsEach = 3;

    [Theory]
    [InlineData(11, TestStore.Sqlite)]
    [InlineData(23, TestStore.Sqlite)]
    [InlineData(37, TestStore.Sqlite)]
    [InlineData(41, TestStore.Postgres)]
    public async Task Every_acknowledged_submission_survives_kill_9_mid_storm_exactly_once_and_the_debate_continues(int seed, string store)
    {
        var random = new Random(seed);

        // The console reads every argument back a page at a time, faster than a person would.
        var settings = new Dictionary<string, string> { ["RateLimits:ArgumentPageBurst"] = "1000" };
        if (store == TestStore.Postgres)
        {
            foreach (var (key, value) in PostgresCluster.Settings(await postgres.DatabaseAsync()))
            {
                settings[key] = value!;
            }
        }

        await using var server = await RealServer.StartAsync(settings);
        await using var room = await Classroom.OpenAsync(server, Students);
        await room.Console.ControlAsync("Start");
        await room.WaitForPhaseAsync(0, Phase.Argue);
        var argueDeadline = room.Console.Read(v => v.Clock!.Deadline);

        // Storm 1: every student posts three arguments; the server dies somewhere in the middle.
        var killAfter = random.Next(30, Students * ArgumentsEach * 4 / 5);
        var finished = await StormAsync(server, () => room.Students.Sum(s => s.Acknowledged.Count) >= killAfter, room.Students.Select((s, i) => (Func<Task>)(async () =>
        {
            for (var n = 0; n < ArgumentsEach; n++)
            {
                await s.PostAsync($"s{i}-a{n}", $"Argument {n} of {s.Name} ({Guid.NewGuid():N}): open weights let anyone audit what a model learned.");
            }
        })));
        await server.RestartAsync();

        var arguments = StoredArguments(server);
        Assert.All(arguments.GroupBy(a => a.RequestId), g => Assert.Single(g));
        var sent = room.Students.SelectMany(s => s.Sent).ToDictionary(p => p.Key, p => p.Value);
        var acked = room.Students.SelectMany(s => s.Acknowledged).ToDictionary(p => p.Key, p => p.Value);
        Assert.True(acked.Count < Students * ArgumentsEach, $"The kill after {killAfter} acknowledgements came after the storm ({finished} students done).");
        foreach (var (requestId, ack) in acked)
        {
            var stored = Assert.Single(arguments, a => a.RequestId == requestId);
            Assert.Equal(ack.Argument.Id, stored.ArgumentId);
            Assert.Equal(sent[requestId], stored.Text);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Arguments: killed after {acked.Count} of {sent.Count} sent were acknowledged; {arguments.Count} stored, {arguments.Count - acked.Count} of them unacknowledged.");

        // Whatever was stored without an acknowledgement (the commit made it, the reply didn't) is whole.
        Assert.All(arguments, a => Assert.Equal(sent[a.RequestId], a.Text));

        var snapshot = await room.ReattachAsync();
        Assert.Equal((0, Phase.Argue, argueDeadline), (snapshot.Clock.RoundIndex, snapshot.Clock.Phase, snapshot.Clock.Deadline));
        Assert.Equal(arguments.Select(a => a.ArgumentId).Order(), (await room.Console.EveryArgumentAsync(snapshot)).Select(a => a.Id).Order());

        // Everyone comes back, retries what wasn't acknowledged with the same id, and finishes.
        await ReconnectAllAsync(room);
        await Task.WhenAll(room.Students.Select(async (s, i) =>
        {
            for (var n = 0; n < ArgumentsEach; n++)
            {
                var requestId = $"s{i}-a{n}";
                var text = s.Sent.TryGetValue(requestId, out var earlier) ? earlier : $"Argument {n} of {s.Name}, sent after the restart.";
                var ack = await s.PostAsync(requestId, text);
                if (arguments.FirstOrDefault(a => a.RequestId == requestId) is { } stored)
                {
                    Assert.Equal(stored.ArgumentId, ack.Argument.Id);
                }
            }
        }));
        arguments = StoredArguments(server);
        Assert.Equal(Students * ArgumentsEach, arguments.Count);
        Assert.All(arguments.GroupBy(a => a.RequestId), g => Assert.Single(g));

        // Storm 2: ballots, each student revising twice; the server dies again.
        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Vote);
        var voteDeadline = room.Console.Read(v => v.Clock!.Deadline);
        var ids = arguments.Select(a => (a.ArgumentId, a.AuthorId)).ToList();
        var rankings = room.Students.Select(s => Enumerable.Range(0, BallotsEach).Select(_ => Ranking(ids, s.ParticipantId, random)).ToArray()).ToArray();
        killAfter = random.Next(30, Students * BallotsEach * 4 / 5);
        await StormAsync(server, () => room.Students.Sum(s => s.BallotsAcknowledged.Count) >= killAfter, room.Students.Select((s, i) => (Func<Task>)(async () =>
        {
            for (var n = 0; n < BallotsEach; n++)
            {
                await s.VoteAsync($"s{i}-b{n}", 0, rankings[i][n]);
            }
        })));
        await server.RestartAsync();

        var ballots = StoredBallots(server);
        Assert.All(ballots.GroupBy(b => b.RequestId), g => Assert.Single(g));
        foreach (var (requestId, ack) in room.Students.SelectMany(s => s.BallotsAcknowledged))
        {
            var stored = Assert.Single(ballots, b => b.RequestId == requestId);
            Assert.Equal(ack.Ballot.Ranking, stored.Ranking);
        }

        snapshot = await room.ReattachAsync();
        Assert.Equal((0, Phase.Vote, voteDeadline), (snapshot.Clock.RoundIndex, snapshot.Clock.Phase, snapshot.Clock.Deadline));

        await ReconnectAllAsync(room);
        await Task.WhenAll(room.Students.Select(async (s, i) =>
        {
            for (var n = 0; n < BallotsEach; n++)
            {
                await s.VoteAsync($"s{i}-b{n}", 0, rankings[i][n]);
            }
        }));
        ballots = StoredBallots(server);
        Assert.Equal(Students * BallotsEach, ballots.Count);
        Assert.All(ballots.GroupBy(b => b.RequestId), g => Assert.Single(g));

        // The round closes on every ballot, counted once per student: the last revision each sent.
        await room.Console.ControlAsync("Skip");
        await room.WaitForPhaseAsync(0, Phase.Results);
        Assert.Equal(Students, room.Console.Read(v => v.Results[0].BallotCount));
        var last = ballots.GroupBy(b => b.ParticipantId).ToDictionary(g => g.Key, g => g.Last().Ranking);
        foreach (var (s, i) in room.Students.Select((s, i) => (s, i)))
        {
            Assert.Equal(rankings[i][BallotsEach - 1], last[s.ParticipantId]);
        }

        // And a student who reloads now sees that last ballot as theirs.
        var reloaded = await room.Students[^1].ReconnectAsync();
        Assert.Equal(rankings[^1][BallotsEach - 1], Assert.Single(reloaded.Ballots!, b => b.RoundIndex == 0).Ranking);
    }

    /// <summary>
    /// Runs every student's part at once and kills the server as soon as <paramref name="killWhen"/> holds
    /// (a count of acknowledgements, so the kill lands mid-storm however fast the machine); returns how many parts had finished.
    /// </summary>
    private static async Task<int> StormAsync(RealServer server, Func<bool> killWhen, IEnumerable<Func<Task>> parts)
    {
        var running = parts.Select(p => Task.Run(p)).ToList();
        while (!killWhen() && !running.All(t => t.IsCompleted))
        {
            await Task.Delay(1, TestContext.Current.CancellationToken);
        }

        server.Kill();
        try
        {
            await Task.WhenAll(running);
        }
        catch (Exception)
        {
            // Calls cut off by the kill fail; which ones is the point of the test.
        }

        return running.Count(t => t.IsCompletedSuccessfully);
    }

    private static async Task ReconnectAllAsync(Classroom room)
    {
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(room.Students.Select(async s =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                await s.ReconnectAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static string[] Ranking(List<(Guid ArgumentId, Guid AuthorId)> arguments, Guid voter, Random random) =>
        [.. arguments.Where(a => a.AuthorId != voter).OrderBy(_ => random.Next()).Take(3).Select(a => a.ArgumentId.ToString())];

    private static List<StoredArgument> StoredArguments(RealServer server) =>
        Stored(server, "ArgumentPosted", (requestId, payload) => new StoredArgument(
            requestId,
            payload.GetProperty("argumentId").GetGuid(),
            payload.GetProperty("authorId").GetGuid(),
            payload.GetProperty("text").GetString()!));

    private static List<StoredBallot> StoredBallots(RealServer server) =>
        Stored(server, "BallotCast", (requestId, payload) => new StoredBallot(
            requestId,
            payload.GetProperty("participantId").GetGuid(),
            [.. payload.GetProperty("ranking").EnumerateArray().Select(r => r.GetString()!)]));

    private static List<T> Stored<T>(RealServer server, string type, Func<string, JsonElement, T> read) =>
        [.. server.Store.Events(type).Select(e =>
        {
            using var payload = JsonDocument.Parse(e.Payload);
            return read(e.RequestId!, payload.RootElement.Clone());
        })];

    private sealed record StoredArgument(string RequestId, Guid ArgumentId, Guid AuthorId, string Text);

    private sealed record StoredBallot(string RequestId, Guid ParticipantId, string[] Ranking);
}
