namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class RoundResultTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void MotionVote_Result_CountsTheChoices()
    {
        var (debate, students) = Motions(4);
        Cast(debate, students, MotionItems.For, MotionItems.For, MotionItems.Against);

        var closed = Assert.IsType<RoundClosed>(debate.Tick(T0.AddSeconds(60))[0]);

        var result = closed.Result;
        Assert.Equal((0, RoundKind.MotionVote, 3), (result.RoundIndex, result.Kind, result.BallotCount));
        Assert.Equal(new(2, 1, 0), result.Motion);
        Assert.Equal((null, null, null), (result.Ranking, result.Sides, result.Persuasion));
        Assert.Same(result, debate.Rounds[0].Result);
    }

    [Fact]
    public void PostDebateVote_Result_CarriesThePersuasion()
    {
        var (debate, students) = Motions(4);
        Cast(debate, students, MotionItems.For, MotionItems.Against, MotionItems.Undecided, MotionItems.Undecided);
        ToPostDebateVote(debate);
        Cast(debate, students, MotionItems.For, MotionItems.Against, MotionItems.Against, MotionItems.For);

        var result = Assert.IsType<RoundClosed>(debate.Skip(T0.AddSeconds(3))[0]).Result;

        var persuasion = result.Persuasion!;
        Assert.Equal(new(1, 1, 2), persuasion.Before);
        Assert.Equal(new(2, 2, 0), persuasion.After);
        Assert.Equal((25.0, 25.0), (persuasion.ForGain, persuasion.AgainstGain));
        Assert.Null(persuasion.Winner);
    }

    [Fact]
    public void PostDebateVote_Result_NamesTheSideThatGainedMore()
    {
        var (debate, students) = Motions(4);
        Cast(debate, students, MotionItems.For, MotionItems.For, MotionItems.Against, MotionItems.Undecided);
        ToPostDebateVote(debate);
        Cast(debate, students, MotionItems.For, MotionItems.Against, MotionItems.Against, MotionItems.Against);

        var result = Assert.IsType<RoundClosed>(debate.Skip(T0.AddSeconds(3))[0]).Result;

        Assert.Equal(MotionChoice.Against, result.Persuasion!.Winner);
    }

    [Fact]
    public void MotionVote_WithoutAPreDebateVote_HasNoPersuasion()
    {
        var debate = new DebateBuilder().ArgumentRound().MotionVote().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        debate.Skip(T0);
        debate.Skip(T0);
        debate.Skip(T0);
        debate.Vote(ann, T0, MotionItems.For);

        var result = Assert.IsType<RoundClosed>(debate.Skip(T0)[0]).Result;

        Assert.NotNull(result.Motion);
        Assert.Null(result.Persuasion);
    }

    [Fact]
    public void RankingRound_Result_RanksTheOptionsWithKEqualToTheirNumber()
    {
        var debate = new DebateBuilder().RankingRound("Architectures", "Weights", "Procedures").Lobby();
        var (ann, bob) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"));
        debate.Start(T0);
        debate.Vote(ann, T0, "option-2", "option-1", "option-3");
        debate.Vote(bob, T0, "option-2");

        var result = Assert.IsType<RoundClosed>(debate.Skip(T0)[0]).Result;

        Assert.Equal([("option-2", 6), ("option-1", 2), ("option-3", 1)], result.Ranking!.Items.Select(i => (i.ItemId, i.Score)));
        Assert.Equal((2, null, null), (result.BallotCount, result.Sides, result.Motion));
    }

    [Fact]
    public void ArgumentRound_Result_RanksArgumentsAndScoresEachSide()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Alternating).ArgumentRound().Lobby();
        var (ann, bob, cy) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"), debate.JoinAs("Cy"));
        debate.Start(T0);
        var open = debate.Post(ann, "Open is faster.", T0);
        var closed = debate.Post(bob, "Closed is safer.", T0);
        debate.Skip(T0);
        debate.Vote(ann, T0, closed.ItemId);
        debate.Vote(cy, T0, closed.ItemId, open.ItemId);

        var result = Assert.IsType<RoundClosed>(debate.Skip(T0)[0]).Result;

        Assert.Equal([(closed.ItemId, 6), (open.ItemId, 2)], result.Ranking!.Items.Select(i => (i.ItemId, i.Score)));
        Assert.Equal([(Side.Open, 2, 1), (Side.Closed, 6, 1)], result.Sides!.Select(s => (s.Side, s.Points, s.Arguments)));
        Assert.Equal(0.75, result.Sides![1].Share);
        Assert.Null(result.Motion);
    }

    [Fact]
    public void ResultOf_WhileVoting_CountsTheBallotsSoFar()
    {
        var (debate, students) = Motions(2);
        Cast(debate, students, MotionItems.Against);

        Assert.Equal(new(0, 1, 0), debate.ResultOf(debate.Rounds[0]).Motion);
        Assert.Null(debate.Rounds[0].Result);
    }

    /// <summary>A motion vote, an argument round and a motion vote, with the first vote open from T0 for 60 s.</summary>
    private static (Debate Debate, Guid[] Students) Motions(int count)
    {
        var debate = new DebateBuilder().MotionVote().ArgumentRound().MotionVote().Lobby();
        var students = Enumerable.Range(0, count).Select(i => debate.JoinAs($"Student {i}")).ToArray();
        debate.Start(T0);
        return (debate, students);
    }

    private static void Cast(Debate debate, Guid[] students, params string[] choices)
    {
        for (var i = 0; i < choices.Length; i++)
        {
            debate.Vote(students[i], T0.AddSeconds(1), choices[i]);
        }
    }

    private static void ToPostDebateVote(Debate debate)
    {
        for (var i = 0; i < 5; i++)
        {
            debate.Skip(T0.AddSeconds(2));
        }

        Assert.Equal((2, Phase.Vote), (debate.RoundIndex, debate.CurrentPhase));
    }
}
