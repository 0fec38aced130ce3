namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class VisibilityTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    [Theory]
    [InlineData(ArgumentVisibility.Everyone, true, true, true, true)]
    [InlineData(ArgumentVisibility.OwnSide, true, true, false, false)]
    [InlineData(ArgumentVisibility.OwnOnly, true, false, false, false)]
    public void CanSee_WhileArguing_FollowsTheVisibility(ArgumentVisibility visibility, bool author, bool teammate, bool opponent, bool projector)
    {
        var c = Classroom(visibility);

        Assert.Equal((author, teammate, opponent, projector), Seen(c));
    }

    [Theory]
    [InlineData(ArgumentVisibility.Everyone)]
    [InlineData(ArgumentVisibility.OwnSide)]
    [InlineData(ArgumentVisibility.OwnOnly)]
    public void CanSee_OnceVotingOpens_ShowsEveryoneEverything(ArgumentVisibility visibility)
    {
        var c = Classroom(visibility);

        c.Debate.Skip(During);

        Assert.Equal((true, true, true, true), Seen(c));
    }

    [Theory]
    [InlineData(ArgumentVisibility.OwnSide)]
    [InlineData(ArgumentVisibility.OwnOnly)]
    public void CanSee_InResults_StillShowsEverything(ArgumentVisibility visibility)
    {
        var c = Classroom(visibility);
        c.Debate.Skip(During);

        c.Debate.Skip(During);

        Assert.Equal((true, true, true, true), Seen(c));
    }

    [Theory]
    [InlineData(ArgumentVisibility.OwnSide)]
    [InlineData(ArgumentVisibility.OwnOnly)]
    public void CanSee_AfterTheDebateEndsMidArgument_ShowsEverything(ArgumentVisibility visibility)
    {
        var c = Classroom(visibility);

        c.Debate.End(During);

        Assert.Equal((true, true, true, true), Seen(c));
    }

    [Fact]
    public void CanSee_NextRoundsArguments_StayPrivateWhileEarlierOnesStayOpen()
    {
        var c = Classroom(ArgumentVisibility.OwnSide);
        c.Debate.Skip(During);
        c.Debate.Skip(During);
        c.Debate.Skip(During);

        var next = c.Debate.Post(c.Ann, "Round two.", During);

        Assert.False(c.Debate.CanSee(c.Debate.FindParticipant(c.Bob), next));
        Assert.True(c.Debate.CanSee(c.Debate.FindParticipant(c.Bob), c.Argument));
    }

    [Theory]
    [InlineData(ArgumentVisibility.Everyone, "argue")]
    [InlineData(ArgumentVisibility.Everyone, "vote")]
    [InlineData(ArgumentVisibility.Everyone, "finished")]
    [InlineData(ArgumentVisibility.OwnSide, "vote")]
    [InlineData(ArgumentVisibility.OwnOnly, "argue")]
    [InlineData(ArgumentVisibility.OwnOnly, "finished")]
    public void CanSee_HiddenArgument_IsSeenByNobody(ArgumentVisibility visibility, string stage)
    {
        var c = Classroom(visibility);
        c.Debate.HideArgument(c.Argument.Id, "Off topic.", During);

        if (stage == "vote")
        {
            c.Debate.Skip(During);
        }
        else if (stage == "finished")
        {
            c.Debate.End(During);
        }

        Assert.Equal((false, false, false, false), Seen(c));
    }

    private static (bool Author, bool Teammate, bool Opponent, bool Projector) Seen(ClassroomSetup c) =>
        (See(c, c.Ann), See(c, c.Cy), See(c, c.Bob), c.Debate.CanSee(null, c.Argument));

    private static bool See(ClassroomSetup c, Guid viewer) => c.Debate.CanSee(c.Debate.FindParticipant(viewer), c.Argument);

    /// <summary>Two argument rounds started at T0: Ann and Cy open, Bob closed, and one argument by Ann.</summary>
    private static ClassroomSetup Classroom(ArgumentVisibility visibility)
    {
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, Visibility = visibility };
        var debate = new DebateBuilder().WithSettings(settings).ArgumentRound().ArgumentRound().Lobby();
        var (ann, bob, cy) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"), debate.JoinAs("Cy"));
        debate.Start(T0);
        return new ClassroomSetup(debate, ann, bob, cy, debate.Post(ann, "Open is faster.", During));
    }

    private sealed record ClassroomSetup(Debate Debate, Guid Ann, Guid Bob, Guid Cy, Argument Argument);
}
