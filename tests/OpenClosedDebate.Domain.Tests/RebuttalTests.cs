namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class RebuttalTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    [Fact]
    public void Rebuttal_OfTheOtherSide_IsAccepted()
    {
        var (debate, ann, bob) = Setups.Arguing();
        var claim = debate.Post(ann, "Open is faster.", During);

        var rebuttal = debate.Post(bob, "Faster to misuse, too.", During, replyTo: claim.Id);

        Assert.Equal(claim.Id, rebuttal.ReplyToId);
        Assert.True(rebuttal.IsRebuttal);
        Assert.Equal(Side.Closed, rebuttal.Side);
    }

    [Fact]
    public void Rebuttal_OfOwnSide_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        var cy = debate.JoinAs("Cy");
        var claim = debate.Post(ann, "Open is faster.", During);

        Assert.Equal(Side.Open, debate.FindParticipant(cy)!.Side);
        Refused(debate, DebateError.InvalidRebuttal, cy, During, replyTo: claim.Id);
    }

    [Fact]
    public void Rebuttal_OfAnotherRoundsArgument_IsRefused()
    {
        var (debate, ann, bob) = Setups.Arguing();
        var claim = debate.Post(ann, "Open is faster.", During);
        debate.Skip(During);
        debate.Skip(During);
        debate.Skip(During);

        Refused(debate, DebateError.InvalidRebuttal, bob, During, replyTo: claim.Id);
    }

    [Fact]
    public void Rebuttal_OfHiddenArgument_IsRefused()
    {
        var (debate, ann, bob) = Setups.Arguing();
        var claim = debate.Post(ann, "Open is faster.", During);
        debate.HideArgument(claim.Id, "Off topic.", During);

        Refused(debate, DebateError.InvalidRebuttal, bob, During, replyTo: claim.Id);
    }

    [Fact]
    public void Rebuttal_OfUnknownArgument_IsRefused()
    {
        var (debate, _, bob) = Setups.Arguing();

        Refused(debate, DebateError.InvalidRebuttal, bob, During, replyTo: Guid.NewGuid());
    }

    [Theory]
    [InlineData(ArgumentVisibility.OwnSide)]
    [InlineData(ArgumentVisibility.OwnOnly)]
    public void Rebuttal_OfAnArgumentTheStudentCannotSeeYet_IsRefused(ArgumentVisibility visibility)
    {
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, Visibility = visibility };
        var debate = new DebateBuilder().WithSettings(settings).ArgumentRound().Lobby();
        var (ann, bob) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"));
        debate.Start(T0);
        var claim = debate.Post(ann, "Open is faster.", During);

        Refused(debate, DebateError.InvalidRebuttal, bob, During, replyTo: claim.Id);
    }

    private static void Refused(Debate debate, DebateError expected, Guid author, DateTimeOffset at, Guid? replyTo = null) =>
        DebateAssert.Refused(debate, expected, () => debate.PostArgument(author, "req", Guid.NewGuid(), "A fair point.", replyTo, at));
}
