namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class WordFilterHoldTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);
    private static readonly WordFilter Filter = new(["shit", "bastard"], []);

    [Fact]
    public void PostArgument_ThatMatchesTheFilter_IsHeldFromEveryoneButItsAuthor_EvenWithModerationOff()
    {
        var (debate, ann, bob) = Setups.Arguing();

        var posted = debate.PostArgument(ann, "r1", Guid.NewGuid(), "This is sh1t.", null, During, Filter).Accepted;

        var argument = debate.FindArgument(posted.ArgumentId)!;
        Assert.Equal(Hold.WordFilter, posted.Held);
        Assert.True(debate.CanSee(debate.FindParticipant(ann), argument));
        Assert.False(debate.CanSee(debate.FindParticipant(bob), argument));
        Assert.False(debate.CanSee(null, argument));
        Assert.Equal([argument.Id], debate.HeldArguments.Select(a => a.Id));
    }

    [Fact]
    public void PostArgument_ThatMatchesTheFilterUnderBeforeProjector_IsStillHeldFromClassmates()
    {
        var (debate, ann, bob) = Setups.Arguing();
        debate.SetModeration(Moderation.BeforeProjector, During);

        var posted = debate.PostArgument(ann, "r1", Guid.NewGuid(), "This is shit.", null, During, Filter).Accepted;

        Assert.Equal(Hold.WordFilter, posted.Held);
        Assert.False(debate.CanSee(debate.FindParticipant(bob), debate.FindArgument(posted.ArgumentId)!));
    }

    [Fact]
    public void PostArgument_ThatDoesNotMatch_IsShownAtOnce()
    {
        var (debate, ann, _) = Setups.Arguing();

        var posted = debate.PostArgument(ann, "r1", Guid.NewGuid(), "Open models help the class.", null, During, Filter).Accepted;

        Assert.Null(posted.Held);
    }

    [Fact]
    public void Join_WithANameTheFilterMatches_ShowsClassmatesThePseudonymUntilApproved()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();

        var joined = Assert.IsType<ParticipantJoined>(Assert.Single(debate.Join(id, "B4stard", "t1", T0, Filter)));

        var p = debate.FindParticipant(id)!;
        Assert.True(joined.NameHeld);
        Assert.Equal(p.Pseudonym, debate.NameShownToClass(p));
        debate.ApproveName(id, T0);
        Assert.False(p.NameHeld);
        Assert.Equal("B4stard", debate.NameShownToClass(p));
        Assert.Equal(DebateError.WrongStatus, Assert.Throws<DebateRuleException>(() => debate.ApproveName(id, T0)).Error);
    }

    [Fact]
    public void Rename_OfAStudentWhoseNameIsHeld_ShowsTheNewName()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();
        debate.Join(id, "Shit Head", "t1", T0, Filter);

        debate.Rename(id, "Sam", T0);

        Assert.Equal("Sam", debate.NameShownToClass(debate.FindParticipant(id)!));
    }

    [Fact]
    public void Join_WithAnOrdinaryName_IsNotHeld()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();

        debate.Join(id, "Bastian", "t1", T0, Filter);

        Assert.False(debate.FindParticipant(id)!.NameHeld);
    }
}
