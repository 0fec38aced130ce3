namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

/// <summary>Classes part-way through a debate, so each test sets up only what it is about. Every clock starts at <see cref="DebateBuilder.T0"/>.</summary>
internal static class Setups
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    /// <summary>Two argument rounds (argue 300 s, vote 90 s, untimed results) started at T0: Ann argues open, Bob closed.</summary>
    public static (Debate Debate, Guid Ann, Guid Bob) Arguing()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Alternating).ArgumentRound().ArgumentRound().Lobby();
        var ann = debate.JoinAs("Ann");
        var bob = debate.JoinAs("Bob");
        debate.Start(T0);
        return (debate, ann, bob);
    }

    /// <summary><see cref="Arguing"/> moved on to round 0's untimed results at T0 + 390 s.</summary>
    public static Debate InUntimedResults()
    {
        var debate = Arguing().Debate;
        debate.Tick(T0.AddSeconds(300));
        debate.Tick(T0.AddSeconds(390));
        return debate;
    }

    /// <summary>
    /// Two argument rounds: Ann and Cy open, Bob and Dee closed, each with one argument in round 0,
    /// and round 0's vote open from T0 + 300 s to T0 + 390 s.
    /// </summary>
    public static VotingRound VotingOnArguments(int maxRanked = 3, bool allowOwn = false, TallyMethod method = TallyMethod.Borda)
    {
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, MaxRankedItems = maxRanked, AllowRankingOwnArgument = allowOwn, TallyMethod = method };
        var debate = new DebateBuilder().WithSettings(settings).ArgumentRound(argue: 300, vote: 90).ArgumentRound().Lobby();
        var (ann, bob, cy, dee) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"), debate.JoinAs("Cy"), debate.JoinAs("Dee"));
        debate.Start(T0);
        var annArg = debate.PostArgument(ann, "ann-arg", Guid.NewGuid(), "Open is faster.", null, T0.AddSeconds(10)).Accepted;
        var bobArg = debate.Post(bob, "Closed is safer.", T0.AddSeconds(20));
        var cyArg = debate.Post(cy, "Open is auditable.", T0.AddSeconds(30));
        var deeArg = debate.Post(dee, "Closed can be recalled.", T0.AddSeconds(40));
        debate.Tick(T0.AddSeconds(300));
        return new VotingRound(debate, ann, bob, dee, debate.FindArgument(annArg.ArgumentId)!, bobArg, cyArg, deeArg);
    }

    /// <summary>A lone motion vote, open from T0 for 60 s, with Ann in the class.</summary>
    public static (Debate Debate, Guid Ann) MotionVoting()
    {
        var debate = new DebateBuilder().MotionVote().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        return (debate, ann);
    }

    /// <summary>A lone ranking round of four options, open from T0 for 60 s, with Ann in the class.</summary>
    public static (Debate Debate, Guid Ann) RankingVoting()
    {
        var debate = new DebateBuilder().RankingRound("Architectures", "Weights", "Procedures", "Training data").Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        return (debate, ann);
    }
}

/// <summary>See <see cref="Setups.VotingOnArguments"/>. The request id of Ann's argument is "ann-arg".</summary>
internal sealed record VotingRound(Debate Debate, Guid Ann, Guid Bob, Guid Dee, Argument AnnArg, Argument BobArg, Argument CyArg, Argument DeeArg);
