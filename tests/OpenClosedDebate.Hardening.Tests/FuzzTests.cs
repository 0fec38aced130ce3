namespace OpenClosedDebate.Hardening.Tests;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// More than ten thousand hub calls with random and malformed arguments, from every kind of connection,
/// in every phase of a debate: each is answered with a result or an error in a documented form, never
/// with an unhandled exception, a dropped connection or silence; the server stays up and its debates
/// hold exactly what it acknowledged.
/// </summary>
public sealed class FuzzTests
{
    /// <summary>High enough that the fuzz reaches each method's own checks instead of the flood limits.</summary>
    public static readonly IReadOnlyDictionary<string, string> Unthrottled = new Dictionary<string, string>
    {
        ["RateLimits:CallsPerSecondPerConnection"] = "100000",
        ["RateLimits:ArgumentBurst"] = "1000",
        ["RateLimits:BallotBurst"] = "1000",
        ["RateLimits:ArgumentPageBurst"] = "100000",
        ["RateLimits:SignInsPerMinutePerAddress"] = "100000",
        ["Rooms:JoinsPerConnection"] = "100",
        ["Rooms:JoinBurst"] = "20000",
        ["RateLimits:RefusalBurst"] = "100000",
        ["RateLimits:FailedCodeLookupBurst"] = "100000",
        ["RateLimits:FailedCodeLookupsPerConnection"] = "100000",
    };

    private const int CallsPerStage = 1_300;

    // The walked debate's phases in order; the fuzz runs in every one but the ranking round's results.
    private static readonly (int Round, Phase Phase, bool Fuzz)[] Walk =
    [
        (0, Phase.Vote, true), (0, Phase.Results, true), (1, Phase.Argue, true), (1, Phase.Vote, true),
        (1, Phase.Results, true), (2, Phase.Vote, true), (2, Phase.Results, false), (3, Phase.Argue, true),
    ];

    /// <summary>The seed of this run's fuzz: OCD_FUZZ_SEED replays a run, else a fixed one.</summary>
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("OCD_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20261126;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_fuzzed_hub_calls_each_get_a_result_or_a_documented_error_and_the_server_stays_up_and_consistent()
    {
        Report($"Hub fuzz, seed {Seed} (OCD_FUZZ_SEED={Seed} replays it).");
        var time = Stopwatch.StartNew();
        await using var server = await RealServer.StartAsync(Unthrottled);
        await using var room = await Classroom.OpenAsync(server, 4, FourRounds());
        var targets = new FuzzTargets(room.Debate.Id);
        var outcomes = new FuzzOutcomes();
        await using var arena = await HubArena.OpenAsync(room, targets, outcomes);
        var calls = new HubFuzzCalls(new FuzzJson(new Random(Seed)), targets);
        var setUp = time.Elapsed;

        await arena.FuzzAsync(calls, CallsPerStage);
        await room.Console.ControlAsync("Start");
        foreach (var (round, phase, fuzz) in Walk)
        {
            await room.WaitForPhaseAsync(round, phase);
            if (fuzz)
            {
                targets.Round = round;
                await arena.PrepareAsync(post: phase == Phase.Argue);
                await arena.FuzzAsync(calls, CallsPerStage);
            }

            if (round < Walk[^1].Round)
            {
                await room.Console.ControlAsync("Skip");
            }
        }

        var fuzzed = time.Elapsed - setUp;
        Report($"{outcomes.Calls:N0} fuzzed calls in {fuzzed.TotalSeconds:F1} s ({outcomes.Calls / fuzzed.TotalSeconds:N0} a second) after {setUp.TotalSeconds:F1} s of set-up; "
            + $"{arena.Joins} students joined and {arena.Arguments} arguments acknowledged along the way.");
        foreach (var (kind, count) in outcomes.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Report($"  {count,6:N0}  {kind}");
        }

        Assert.True(server.IsRunning, "The server process exited under the fuzz.");
        using var http = server.Http();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        AssertNoServerBugs("hub", outcomes);

        await arena.AssertConsistentAsync();

        // The walked debate goes on: a new student joins its last round and posts, and the console sees it.
        await arena.PrepareAsync(post: false);
        await using var late = await Pupil.JoinAsync(server, room.Debate.JoinCode, "Late after the fuzz");
        var ack = await late.PostAsync(Guid.NewGuid().ToString(), $"Still standing after {outcomes.Calls} bad calls: {Guid.NewGuid():N}");
        await room.Console.WaitUntilAsync(v => v.Arguments.ContainsKey(ack.Argument.Id), "the late student's argument");
        Report($"Done in {time.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>Fails with every reproducer when the fuzz found a server bug; the message says so plainly.</summary>
    internal static void AssertNoServerBugs(string what, FuzzOutcomes outcomes)
    {
        foreach (var failure in outcomes.Failures)
        {
            Report($"SERVER BUG: {failure}");
        }

        Assert.True(
            outcomes.Failures.Count == 0,
            $"SERVER BUG: the {what} fuzz (seed {Seed}) got {outcomes.Failures.Count} answers that are not a result or a documented error. First ones:\n"
            + string.Join("\n", outcomes.Failures.Take(15)));
    }

    internal static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    // Every kind of round, so every call meets every phase: a motion vote, arguments, a ranking, arguments again.
    private static DebatePlan FourRounds() => new()
    {
        Motion = "Frontier models should be open.",
        Settings = new DebateSettings { MaxRankedItems = 3 },
        Rounds =
        [
            new RoundPlan { Title = "Before", Prompt = "Where do you stand?", Kind = RoundKind.MotionVote, VoteSeconds = 900 },
            new RoundPlan { Title = "Research", Prompt = "Argue.", Kind = RoundKind.Argument, ArgueSeconds = 900, VoteSeconds = 900 },
            new RoundPlan { Title = "Aspects", Prompt = "Rank them.", Kind = RoundKind.Ranking, VoteSeconds = 900, Options = ["Weights", "Data", "Code"] },
            new RoundPlan { Title = "Risks", Prompt = "Argue.", Kind = RoundKind.Argument, ArgueSeconds = 900, VoteSeconds = 900 },
        ],
    };
}
