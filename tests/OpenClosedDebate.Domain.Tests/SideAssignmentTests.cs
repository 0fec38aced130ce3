namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class SideAssignmentTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void BalancedRandom_ManyJoiners_KeepsSidesWithinOneOfEachOther()
    {
        var debate = new DebateBuilder().Lobby();

        for (var i = 0; i < 101; i++)
        {
            debate.JoinAs($"Student {i}");
            Assert.InRange(debate.CountOn(Side.Open) - debate.CountOn(Side.Closed), -1, 1);
        }

        Assert.Equal(101, debate.CountOn(Side.Open) + debate.CountOn(Side.Closed));
    }

    [Fact]
    public void BalancedRandom_SameSeed_GivesSameSides() =>
        Assert.Equal(SidesFor(seed: 7, joiners: 101), SidesFor(seed: 7, joiners: 101));

    [Fact]
    public void BalancedRandom_DifferentSeeds_CanGiveDifferentSides()
    {
        var orders = Enumerable.Range(1, 10).Select(seed => string.Concat(SidesFor(seed, joiners: 101).Select(s => s == Side.Open ? 'O' : 'C')));

        Assert.True(orders.Distinct().Count() > 1);
    }

    [Fact]
    public void BalancedRandom_Joiner_GoesToTheSmallerSide()
    {
        var debate = new DebateBuilder().Lobby();
        var ann = debate.JoinAs("Ann");
        var bob = debate.JoinAs("Bob");
        var annSide = debate.FindParticipant(ann)!.Side!.Value;
        debate.MoveParticipant(bob, annSide, T0);

        var cy = debate.JoinAs("Cy");

        Assert.Equal(annSide.Opposite(), debate.FindParticipant(cy)!.Side);
    }

    [Fact]
    public void Alternating_InLobby_FollowsJoinOrder()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Alternating).Lobby();

        var sides = Enumerable.Range(0, 4).Select(i => debate.FindParticipant(debate.JoinAs($"Student {i}"))!.Side);

        Assert.Equal([Side.Open, Side.Closed, Side.Open, Side.Closed], sides);
    }

    [Fact]
    public void Alternating_InLobby_IgnoresTheBalance()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Alternating).Lobby();
        debate.JoinAs("Ann");
        debate.MoveParticipant(debate.JoinAs("Bob"), Side.Open, T0);

        var cy = debate.JoinAs("Cy");

        Assert.Equal(Side.Open, debate.FindParticipant(cy)!.Side);
    }

    [Theory]
    [InlineData(SideAssignmentMode.BalancedRandom, Side.Open)]
    [InlineData(SideAssignmentMode.BalancedRandom, Side.Closed)]
    [InlineData(SideAssignmentMode.Alternating, Side.Open)]
    [InlineData(SideAssignmentMode.Alternating, Side.Closed)]
    [InlineData(SideAssignmentMode.Manual, Side.Open)]
    [InlineData(SideAssignmentMode.Manual, Side.Closed)]
    [InlineData(SideAssignmentMode.DevilsAdvocate, Side.Open)]
    [InlineData(SideAssignmentMode.DevilsAdvocate, Side.Closed)]
    public void LateJoiner_AfterSidesAreSettled_GoesToTheSmallerSide(SideAssignmentMode mode, Side crowded)
    {
        var builder = new DebateBuilder().WithSides(mode);
        var debate = (mode == SideAssignmentMode.DevilsAdvocate ? builder.MotionVote() : builder).ArgumentRound().Lobby();
        var early = new[] { debate.JoinAs("Ann"), debate.JoinAs("Bob"), debate.JoinAs("Cy") };
        debate.Start(T0);
        if (mode == SideAssignmentMode.DevilsAdvocate)
        {
            debate.Skip(T0.AddSeconds(10));
        }

        foreach (var id in early.Where(id => debate.FindParticipant(id)!.Side != crowded))
        {
            debate.MoveParticipant(id, crowded, T0.AddSeconds(20));
        }

        var late = debate.JoinAs("Late", T0.AddSeconds(30));

        Assert.Equal(crowded.Opposite(), debate.FindParticipant(late)!.Side);
    }

    [Fact]
    public void Manual_InLobby_LeavesJoinersUnassigned()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Manual).Lobby();

        var ann = debate.JoinAs("Ann");

        Assert.Null(debate.FindParticipant(ann)!.Side);
        Assert.Equal((0, 0), (debate.CountOn(Side.Open), debate.CountOn(Side.Closed)));
    }

    [Fact]
    public void Manual_InstructorMove_AssignsASideInTheLobby()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Manual).Lobby();
        var ann = debate.JoinAs("Ann");

        var assigned = Assert.IsType<SideAssigned>(Assert.Single(debate.MoveParticipant(ann, Side.Closed, T0)));

        Assert.Equal(SideChangeReason.Instructor, assigned.Reason);
        Assert.Equal(Side.Closed, debate.FindParticipant(ann)!.Side);
        Assert.Equal(1, debate.CountOn(Side.Closed));
    }

    [Fact]
    public void Manual_FirstArguePhase_PutsTheUnassignedOnTheSmallerSide()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Manual).Lobby();
        var placed = new[] { debate.JoinAs("Ann"), debate.JoinAs("Bob") };
        foreach (var id in placed)
        {
            debate.MoveParticipant(id, Side.Open, T0);
        }

        var unplaced = new[] { debate.JoinAs("Cy"), debate.JoinAs("Dee"), debate.JoinAs("Eve") };

        var events = debate.Start(T0);

        var balanced = events.OfType<SideAssigned>().ToList();
        Assert.Equal(unplaced, balanced.Select(e => e.ParticipantId));
        Assert.All(balanced, e => Assert.Equal(SideChangeReason.Balance, e.Reason));
        Assert.Equal([Side.Closed, Side.Closed], unplaced.Take(2).Select(id => debate.FindParticipant(id)!.Side));
        Assert.All(placed, id => Assert.Equal(Side.Open, debate.FindParticipant(id)!.Side));
        Assert.InRange(debate.CountOn(Side.Open) - debate.CountOn(Side.Closed), -1, 1);
        Assert.IsType<PhaseStarted>(events[^1]);
    }

    [Fact]
    public void Manual_JoinerBeforeTheFirstArguePhase_StaysUnassignedUntilItOpens()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Manual).MotionVote().ArgumentRound().Lobby();
        debate.Start(T0);
        var ann = debate.JoinAs("Ann", T0.AddSeconds(5));
        Assert.Null(debate.FindParticipant(ann)!.Side);

        debate.Skip(T0.AddSeconds(10));
        debate.Skip(T0.AddSeconds(20));

        Assert.Equal(Phase.Argue, debate.CurrentPhase);
        Assert.NotNull(debate.FindParticipant(ann)!.Side);
    }

    [Fact]
    public void DevilsAdvocate_InLobby_LeavesJoinersUnassigned()
    {
        var debate = DevilsAdvocate();

        Assert.Null(debate.FindParticipant(debate.JoinAs("Ann"))!.Side);
    }

    [Theory]
    [InlineData(MotionItems.For, Side.Closed)]
    [InlineData(MotionItems.Against, Side.Open)]
    public void DevilsAdvocate_WhenPreDebateVoteCloses_PutsStudentAgainstTheirVote(string vote, Side expected)
    {
        var debate = DevilsAdvocate();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        debate.Vote(ann, T0.AddSeconds(5), vote);

        var events = debate.Tick(T0.AddSeconds(60));

        var assigned = Assert.Single(events.OfType<SideAssigned>());
        Assert.Equal((ann, expected, SideChangeReason.DevilsAdvocate), (assigned.ParticipantId, assigned.Side, assigned.Reason));
        Assert.Equal(expected, debate.FindParticipant(ann)!.Side);
    }

    [Fact]
    public void DevilsAdvocate_UndecidedAndNonVoters_FillTheSmallerSide()
    {
        var debate = DevilsAdvocate();
        var ann = debate.JoinAs("Ann");
        var bob = debate.JoinAs("Bob");
        var cy = debate.JoinAs("Cy");
        var dee = debate.JoinAs("Dee");
        debate.Start(T0);
        debate.Vote(ann, T0.AddSeconds(5), MotionItems.For);
        debate.Vote(bob, T0.AddSeconds(5), MotionItems.For);
        debate.Vote(cy, T0.AddSeconds(5), MotionItems.Undecided);

        debate.Tick(T0.AddSeconds(60));

        Assert.Equal([Side.Closed, Side.Closed, Side.Open, Side.Open], new[] { ann, bob, cy, dee }.Select(id => debate.FindParticipant(id)!.Side));
        Assert.True(debate.SidesSettled);
    }

    [Fact]
    public void DevilsAdvocate_StudentAlreadyAgainstTheirVote_GetsNoNewSide()
    {
        var debate = DevilsAdvocate();
        var ann = debate.JoinAs("Ann");
        debate.MoveParticipant(ann, Side.Closed, T0);
        debate.Start(T0);
        debate.Vote(ann, T0.AddSeconds(5), MotionItems.For);

        Assert.Empty(debate.Tick(T0.AddSeconds(60)).OfType<SideAssigned>());
        Assert.Equal(Side.Closed, debate.FindParticipant(ann)!.Side);
    }

    [Fact]
    public void DevilsAdvocate_JoinerAfterTheVoteCloses_GoesToTheSmallerSide()
    {
        var debate = DevilsAdvocate();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        debate.Vote(ann, T0.AddSeconds(5), MotionItems.For);
        debate.Tick(T0.AddSeconds(60));

        var bob = debate.JoinAs("Bob", T0.AddSeconds(61));

        Assert.Equal(Side.Open, debate.FindParticipant(bob)!.Side);
    }

    private static Debate DevilsAdvocate() =>
        new DebateBuilder().WithSides(SideAssignmentMode.DevilsAdvocate).MotionVote().ArgumentRound().Lobby();

    private static List<Side?> SidesFor(int seed, int joiners)
    {
        var debate = new DebateBuilder().WithSeed(seed).Lobby();
        return [.. Enumerable.Range(0, joiners).Select(i => debate.FindParticipant(debate.JoinAs($"Student {i}"))!.Side)];
    }
}
