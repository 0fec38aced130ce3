namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class ArgumentModerationTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    [Fact]
    public void HideArgument_WithReason_HidesIt()
    {
        var (debate, ann, _) = Setups.Arguing();
        var argument = debate.Post(ann, "Rude remark.", During);

        var hidden = Assert.IsType<ArgumentHidden>(Assert.Single(debate.HideArgument(argument.Id, "  Not respectful.\u0007 ", During)));

        Assert.Equal((argument.Id, "Not respectful."), (hidden.ArgumentId, hidden.Reason));
        Assert.True(argument.Hidden);
        Assert.Equal("Not respectful.", argument.HiddenReason);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n ")]
    public void HideArgument_WithoutReason_IsRefused(string? reason)
    {
        var (debate, ann, _) = Setups.Arguing();
        var argument = debate.Post(ann, "Rude remark.", During);

        DebateAssert.Refused(debate, DebateError.InvalidText, () => debate.HideArgument(argument.Id, reason, During));
    }

    [Fact]
    public void HideArgument_ReasonOverLimit_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        var argument = debate.Post(ann, "Rude remark.", During);
        var reason = new string('r', DebateLimits.ReasonMaxLength + 1);

        DebateAssert.Refused(debate, DebateError.InvalidText, () => debate.HideArgument(argument.Id, reason, During));
    }

    [Fact]
    public void HideArgument_Twice_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        var argument = debate.Post(ann, "Rude remark.", During);
        debate.HideArgument(argument.Id, "Not respectful.", During);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.HideArgument(argument.Id, "Again.", During));
    }

    [Fact]
    public void HideArgument_Unknown_IsRefused()
    {
        var (debate, _, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.NotFound, () => debate.HideArgument(Guid.NewGuid(), "Why not.", During));
    }

    [Fact]
    public void HideArgument_InLobby_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.HideArgument(Guid.NewGuid(), "Why not.", T0));
    }

    [Fact]
    public void HideArgument_AfterFinished_IsAllowed()
    {
        var (debate, ann, _) = Setups.Arguing();
        var argument = debate.Post(ann, "Rude remark.", During);
        debate.End(During);

        debate.HideArgument(argument.Id, "Found later.", During.AddHours(1));

        Assert.True(argument.Hidden);
    }

    [Fact]
    public void RestoreArgument_Hidden_ShowsItAgain()
    {
        var (debate, ann, _) = Setups.Arguing();
        var argument = debate.Post(ann, "Borderline.", During);
        debate.HideArgument(argument.Id, "Not respectful.", During);

        var restored = Assert.IsType<ArgumentRestored>(Assert.Single(debate.RestoreArgument(argument.Id, During)));

        Assert.Equal(argument.Id, restored.ArgumentId);
        Assert.False(argument.Hidden);
        Assert.Null(argument.HiddenReason);
    }

    [Fact]
    public void RestoreArgument_Visible_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        var argument = debate.Post(ann, "Fine.", During);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.RestoreArgument(argument.Id, During));
    }

    [Fact]
    public void RestoreArgument_Unknown_IsRefused()
    {
        var (debate, _, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.NotFound, () => debate.RestoreArgument(Guid.NewGuid(), During));
    }

    [Fact]
    public void HiddenArgument_LeavesTheCandidatesUntilRestored()
    {
        var (debate, ann, bob) = Setups.Arguing();
        var first = debate.Post(ann, "First.", During);
        var second = debate.Post(bob, "Second.", During);
        var third = debate.Post(ann, "Third.", During);

        debate.HideArgument(first.Id, "Off topic.", During);
        Assert.Equal([second.ItemId, third.ItemId], debate.Rounds[0].Candidates());

        debate.RestoreArgument(first.Id, During);
        Assert.Equal([first.ItemId, second.ItemId, third.ItemId], debate.Rounds[0].Candidates());
    }

    [Fact]
    public void HiddenArgument_IsDroppedFromTheTallyAndItemsBelowMoveUp()
    {
        var (debate, ann, bob) = Setups.Arguing();
        var cy = debate.JoinAs("Cy");
        var a = debate.Post(ann, "A.", During);
        var b = debate.Post(cy, "B.", During);
        var c = debate.Post(ann, "C.", During);
        debate.Skip(During);
        debate.Vote(bob, During, a.ItemId, b.ItemId, c.ItemId);

        debate.HideArgument(a.Id, "Off topic.", During);

        var result = debate.ResultOf(debate.Rounds[0]);
        Assert.Equal([(b.ItemId, 3), (c.ItemId, 2)], result.Ranking!.Items.Select(i => (i.ItemId, i.Score)));
        Assert.Equal(1, result.BallotCount);
        Assert.Equal((5, 2), (result.Sides![0].Points, result.Sides[0].Arguments));
    }
}
