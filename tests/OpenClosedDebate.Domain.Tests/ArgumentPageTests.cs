namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class ArgumentPageTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    [Fact]
    public void PageOfArguments_FromTheNewest_GivesTheNewestInPostingOrderAndCountsTheOlder()
    {
        var c = Classroom(ArgumentVisibility.Everyone);

        var page = c.Debate.PageOfArguments(0, Side.Open, null, 4, a => c.Debate.CanSee(null, a));

        Assert.Equal(c.Open[^4..], page.Arguments);
        Assert.Equal(3, page.Older);
        Assert.Equal(c.Open[^4].Seq, page.Before);
    }

    [Fact]
    public void PageOfArguments_FromTheCursor_ContinuesWhereTheLastPageStopped()
    {
        var c = Classroom(ArgumentVisibility.Everyone);
        var first = c.Debate.PageOfArguments(0, Side.Open, null, 4, _ => true);

        var second = c.Debate.PageOfArguments(0, Side.Open, first.Before, 4, _ => true);

        Assert.Equal(c.Open[..3], second.Arguments);
        Assert.Equal(0, second.Older);
        Assert.Equal(c.Open, second.Arguments.Concat(first.Arguments));
    }

    [Fact]
    public void PageOfArguments_WithLimitZero_OnlyCountsAndKeepsTheCursor()
    {
        var c = Classroom(ArgumentVisibility.Everyone);

        var page = c.Debate.PageOfArguments(0, Side.Closed, null, 0, _ => true);

        Assert.Empty(page.Arguments);
        Assert.Equal(c.Closed.Count, page.Older);
        Assert.Equal(c.Debate.Version + 1, page.Before);
    }

    [Fact]
    public void PageOfArguments_LeavesOutWhatTheViewerMayNotSee()
    {
        var c = Classroom(ArgumentVisibility.OwnSide);
        c.Debate.HideArgument(c.Open[^1].Id, "Off topic.", During);
        var bob = c.Debate.FindParticipant(c.Bob);
        var ann = c.Debate.FindParticipant(c.Ann);

        var opponent = c.Debate.PageOfArguments(0, Side.Open, null, 50, a => c.Debate.CanSee(bob, a));
        var author = c.Debate.PageOfArguments(0, Side.Open, null, 50, a => c.Debate.CanSee(ann, a));
        var instructor = c.Debate.PageOfArguments(0, Side.Open, null, 50, _ => true);

        Assert.Empty(opponent.Arguments);
        Assert.Equal(0, opponent.Older);
        Assert.Equal(c.Open[..^1], author.Arguments);
        Assert.Equal(c.Open, instructor.Arguments);
    }

    [Theory]
    [InlineData(1, 10, null)]
    [InlineData(5, 10, null)]
    [InlineData(-1, 10, null)]
    [InlineData(0, 51, null)]
    [InlineData(0, -1, null)]
    [InlineData(0, 10, 0L)]
    public void PageOfArguments_OfARoundNotOpenedOrBeyondTheLimits_IsRefused(int roundIndex, int limit, long? before)
    {
        var c = Classroom(ArgumentVisibility.Everyone);

        DebateAssert.Refused(c.Debate, DebateError.InvalidRequest, () => c.Debate.PageOfArguments(roundIndex, Side.Open, before, limit, _ => true));
    }

    /// <summary>Two argument rounds, the first arguing: Ann open has posted 7 arguments, Bob closed 5, in turns.</summary>
    private static ClassroomSetup Classroom(ArgumentVisibility visibility)
    {
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, Visibility = visibility };
        var debate = new DebateBuilder().WithSettings(settings).ArgumentRound().ArgumentRound().Lobby();
        var (ann, bob) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"));
        debate.Start(T0);
        List<Argument> open = [], closed = [];
        for (var i = 0; i < 7; i++)
        {
            open.Add(debate.Post(ann, $"Open point {i}.", During));
            if (i < 5)
            {
                closed.Add(debate.Post(bob, $"Closed point {i}.", During));
            }
        }

        return new ClassroomSetup(debate, ann, bob, open, closed);
    }

    private sealed record ClassroomSetup(Debate Debate, Guid Ann, Guid Bob, List<Argument> Open, List<Argument> Closed);
}
