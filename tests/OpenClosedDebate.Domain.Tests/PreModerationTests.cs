namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class PreModerationTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    [Theory]
    [InlineData(Moderation.Off, ArgumentVisibility.Everyone, true, true, true, true)]
    [InlineData(Moderation.BeforeProjector, ArgumentVisibility.Everyone, true, true, true, false)]
    [InlineData(Moderation.BeforeProjector, ArgumentVisibility.OwnSide, true, true, false, false)]
    [InlineData(Moderation.BeforeProjector, ArgumentVisibility.OwnOnly, true, false, false, false)]
    [InlineData(Moderation.BeforeEveryone, ArgumentVisibility.Everyone, true, false, false, false)]
    [InlineData(Moderation.BeforeEveryone, ArgumentVisibility.OwnSide, true, false, false, false)]
    public void CanSee_AHeldArgument_FollowsTheModerationAndTheVisibility(Moderation moderation, ArgumentVisibility visibility, bool author, bool teammate, bool opponent, bool projector)
    {
        var c = Classroom(visibility, moderation);

        Assert.Equal((author, teammate, opponent, projector), Seen(c));
    }

    [Theory]
    [InlineData(Moderation.Off, ArgumentVisibility.Everyone, true, true, null, true)]
    [InlineData(Moderation.Off, ArgumentVisibility.OwnSide, false, false, Side.Open, false)]
    [InlineData(Moderation.Off, ArgumentVisibility.OwnOnly, false, false, null, true)]
    [InlineData(Moderation.BeforeProjector, ArgumentVisibility.Everyone, false, true, null, true)]
    [InlineData(Moderation.BeforeProjector, ArgumentVisibility.OwnSide, false, false, Side.Open, true)]
    [InlineData(Moderation.BeforeEveryone, ArgumentVisibility.Everyone, false, false, null, true)]
    public void AudienceOf_NamesTheGroupsTheArgumentGoesTo(Moderation moderation, ArgumentVisibility visibility, bool projector, bool students, Side? side, bool author)
    {
        var c = Classroom(visibility, moderation);

        Assert.Equal(new ArgumentAudience(projector, students, side, author), c.Debate.AudienceOf(c.Argument));
        c.Debate.HideArgument(c.Argument.Id, "Off topic", During);
        Assert.Equal(ArgumentAudience.Nobody, c.Debate.AudienceOf(c.Argument));
    }

    [Theory]
    [InlineData(Moderation.BeforeProjector, true)]
    [InlineData(Moderation.BeforeEveryone, false)]
    public void CanSee_AHeldArgumentOnceVotingOpens_StaysOffTheProjector(Moderation moderation, bool classmates)
    {
        var c = Classroom(ArgumentVisibility.OwnSide, moderation);

        c.Debate.Skip(During);

        Assert.Equal((true, classmates, classmates, false), Seen(c));
    }

    [Fact]
    public void CanClassmateSee_AnArgumentHeldFromTheProjectorOnly_IsTrue()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeProjector);

        Assert.True(c.Debate.CanClassmateSee(c.Argument));
        c.Debate.SetModeration(Moderation.BeforeEveryone, During);
        Assert.False(c.Debate.CanClassmateSee(c.Debate.Post(c.Ann, "Second.", During)));
    }

    [Theory]
    [InlineData(Moderation.BeforeProjector)]
    [InlineData(Moderation.BeforeEveryone)]
    public void ApproveArgument_ShowsItToEveryoneAsTheVisibilityAllows(Moderation moderation)
    {
        var c = Classroom(ArgumentVisibility.Everyone, moderation);

        var events = c.Debate.ApproveArgument(c.Argument.Id, During);

        Assert.Equal(new ArgumentApproved(c.Argument.Id, OnBallot: true), Assert.Single(events) with { Seq = 0, At = default });
        Assert.Null(c.Argument.Held);
        Assert.Equal((true, true, true, true), Seen(c));
        Assert.Empty(c.Debate.HeldArguments);
    }

    [Fact]
    public void PostArgument_UnderPreModeration_IsHeldWithTheModeInForceWhenPosted()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeProjector);
        c.Debate.SetModeration(Moderation.BeforeEveryone, During);

        var second = c.Debate.Post(c.Bob, "Closed is safer.", During);
        c.Debate.SetModeration(Moderation.Off, During);
        var third = c.Debate.Post(c.Cy, "Open is auditable.", During);

        Assert.Equal(Hold.BeforeProjector, c.Argument.Held);
        Assert.Equal(Hold.BeforeEveryone, second.Held);
        Assert.Null(third.Held);
        Assert.Equal([c.Argument.Id, second.Id], c.Debate.HeldArguments.Select(a => a.Id));
    }

    [Fact]
    public void HeldArgument_IsNotABallotItem_AndARankingOfItIsRefused()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeProjector);
        c.Debate.SetModeration(Moderation.Off, During);
        var shown = c.Debate.Post(c.Bob, "Closed is safer.", During);
        c.Debate.Skip(During);

        Assert.Equal([shown.ItemId], c.Debate.CurrentRound!.Candidates());
        var refused = Assert.Throws<DebateRuleException>(() => c.Debate.Vote(c.Cy, During, c.Argument.ItemId));
        Assert.Equal(DebateError.InvalidBallot, refused.Error);
        Assert.Contains("waiting for the instructor's approval", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApproveArgument_AfterVotingOpened_ShowsItButLeavesItOffThatBallot()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeEveryone);
        c.Debate.Skip(During);

        var approved = Assert.IsType<ArgumentApproved>(Assert.Single(c.Debate.ApproveArgument(c.Argument.Id, During)));

        Assert.False(approved.OnBallot);
        Assert.True(c.Argument.OffBallot);
        Assert.Equal((true, true, true, true), Seen(c));
        Assert.Empty(c.Debate.CurrentRound!.Candidates());
        var refused = Assert.Throws<DebateRuleException>(() => c.Debate.Vote(c.Cy, During, c.Argument.ItemId));
        Assert.Contains("approved after voting opened", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApproveArgument_AfterVotingClosed_IsNotNotedAsARestoreInTheRecount()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeEveryone);
        c.Debate.Skip(During);
        c.Debate.Skip(During);

        c.Debate.ApproveArgument(c.Argument.Id, During);

        Assert.True(c.Debate.NoteOn(c.Debate.Rounds[0]).IsEmpty);
    }

    [Fact]
    public void PostArgument_ARebuttalOfAHeldArgument_IsRefusedUntilItIsApproved()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeProjector);
        c.Debate.SetModeration(Moderation.Off, During);

        var refused = Assert.Throws<DebateRuleException>(() => c.Debate.Post(c.Bob, "No.", During, replyTo: c.Argument.Id));

        Assert.Equal(DebateError.InvalidRebuttal, refused.Error);
        Assert.Contains("waiting for the instructor's approval", refused.Message, StringComparison.Ordinal);
        c.Debate.ApproveArgument(c.Argument.Id, During);
        Assert.Equal(c.Argument.Id, c.Debate.Post(c.Bob, "No.", During, replyTo: c.Argument.Id).ReplyToId);
    }

    [Fact]
    public void PostArgument_ARebuttalOfAnArgumentHeldFromEveryone_DoesNotSayItExists()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeEveryone);

        var refused = Assert.Throws<DebateRuleException>(() => c.Debate.Post(c.Bob, "No.", During, replyTo: c.Argument.Id));

        Assert.Equal("The argument you're replying to isn't in this round.", refused.Message);
    }

    [Fact]
    public void HideArgument_OfAHeldArgument_RejectsIt_AndARestorePutsItBackInTheQueue()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.BeforeProjector);

        c.Debate.HideArgument(c.Argument.Id, "Not about the motion.", During);

        Assert.Empty(c.Debate.HeldArguments);
        Assert.Equal((false, false, false, false), Seen(c));
        Assert.Contains("Restore it first", Assert.Throws<DebateRuleException>(() => c.Debate.ApproveArgument(c.Argument.Id, During)).Message, StringComparison.Ordinal);
        c.Debate.RestoreArgument(c.Argument.Id, During);
        Assert.Equal([c.Argument.Id], c.Debate.HeldArguments.Select(a => a.Id));
        Assert.Equal((true, true, true, false), Seen(c));
    }

    [Fact]
    public void ApproveArgument_OfOneNotHeld_IsRefused()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.Off);

        var refused = Assert.Throws<DebateRuleException>(() => c.Debate.ApproveArgument(c.Argument.Id, During));

        Assert.Equal(DebateError.WrongStatus, refused.Error);
    }

    [Fact]
    public void SetModeration_ToTheSameOrAnUnknownMode_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();

        Assert.Equal(DebateError.WrongStatus, Assert.Throws<DebateRuleException>(() => debate.SetModeration(Moderation.Off, T0)).Error);
        Assert.Equal(DebateError.InvalidRequest, Assert.Throws<DebateRuleException>(() => debate.SetModeration((Moderation)7, T0)).Error);
        Assert.Equal(new ModerationChanged(Moderation.BeforeEveryone), Assert.Single(debate.SetModeration(Moderation.BeforeEveryone, T0)) with { Seq = 0, At = default });
        Assert.Equal(Moderation.BeforeEveryone, debate.Moderation);
    }

    [Fact]
    public void SetModeration_AfterTheDebateFinished_IsRefused()
    {
        var c = Classroom(ArgumentVisibility.Everyone, Moderation.Off);
        c.Debate.End(During);

        Assert.Equal(DebateError.WrongStatus, Assert.Throws<DebateRuleException>(() => c.Debate.SetModeration(Moderation.BeforeProjector, During)).Error);
    }

    [Fact]
    public void Restore_ReplaysHoldsApprovalsAndTheModeration()
    {
        var (live, created) = Debate.Create(Guid.NewGuid(), "ABC234", new DebateBuilder().ArgumentRound().Plan(), 1, T0);
        var history = new List<DebateEvent>(created);
        history.AddRange(live.OpenLobby(T0));
        history.AddRange(live.SetModeration(Moderation.BeforeProjector, T0));
        var (ann, bob) = (Guid.NewGuid(), Guid.NewGuid());
        history.AddRange(live.Join(ann, "Ann", "t1", T0));
        history.AddRange(live.Join(bob, "Bob", "t2", T0, new WordFilter(["bob"], [])));
        history.AddRange(live.Start(T0));
        var first = live.PostArgument(ann, "r1", Guid.NewGuid(), "Open is faster.", null, During).Accepted;
        history.Add(first);
        var second = live.PostArgument(ann, "r2", Guid.NewGuid(), "Open is cheaper.", null, During).Accepted;
        history.Add(second);
        history.AddRange(live.Skip(During));
        history.AddRange(live.ApproveArgument(second.ArgumentId, During));

        var replayed = Debate.Restore(live.Id, history);

        Assert.Equal(DebateAssert.Snapshot(live), DebateAssert.Snapshot(replayed));
        Assert.Equal(Moderation.BeforeProjector, replayed.Moderation);
        Assert.Equal(Hold.BeforeProjector, replayed.FindArgument(first.ArgumentId)!.Held);
        Assert.True(replayed.FindArgument(second.ArgumentId)!.OffBallot);
        Assert.Null(replayed.FindArgument(second.ArgumentId)!.Held);
        Assert.True(replayed.FindParticipant(bob)!.NameHeld);
    }

    private static (bool Author, bool Teammate, bool Opponent, bool Projector) Seen(ClassroomSetup c) =>
        (See(c, c.Ann), See(c, c.Cy), See(c, c.Bob), c.Debate.CanSee(null, c.Argument));

    private static bool See(ClassroomSetup c, Guid viewer) => c.Debate.CanSee(c.Debate.FindParticipant(viewer), c.Argument);

    /// <summary>Two argument rounds started at T0 with the moderation given: Ann and Cy open, Bob closed, and one argument by Ann.</summary>
    [Theory]
    [InlineData(ArgumentVisibility.Everyone, null)]
    [InlineData(ArgumentVisibility.OwnSide, 0)]
    [InlineData(ArgumentVisibility.OwnOnly, 0)]
    public void RoundRevealedBy_VotingOpening_NamesTheRoundOnlyWhenVisibilityKeptItsArgumentsBack(ArgumentVisibility visibility, int? revealed)
    {
        var c = Classroom(visibility, Moderation.Off);

        var events = c.Debate.Skip(During);

        Assert.Equal(revealed, events.OfType<PhaseStarted>().Select(c.Debate.RoundRevealedBy).Single());
        Assert.All(events.Where(e => e is not PhaseStarted), e => Assert.Null(c.Debate.RoundRevealedBy(e)));
    }

    [Fact]
    public void RoundRevealedBy_TheDebateEndingMidArgument_NamesTheRoundBeingArgued()
    {
        var c = Classroom(ArgumentVisibility.OwnSide, Moderation.Off);
        while (c.Debate.RoundIndex == 0)
        {
            c.Debate.Skip(During);
        }

        Assert.Equal((1, Phase.Argue), (c.Debate.RoundIndex, c.Debate.CurrentPhase));
        Assert.True(c.Debate.SideDecidesWhatIsSeen);

        var events = c.Debate.End(During);

        Assert.Equal(1, c.Debate.RoundRevealedBy(events.OfType<DebateFinished>().Single()));
        Assert.False(c.Debate.SideDecidesWhatIsSeen);
    }

    [Theory]
    [InlineData(ArgumentVisibility.Everyone, false)]
    [InlineData(ArgumentVisibility.OwnOnly, false)]
    [InlineData(ArgumentVisibility.OwnSide, true)]
    public void SideDecidesWhatIsSeen_OnlyWhileSidesAreKeptApartInTheArguePhase(ArgumentVisibility visibility, bool whileArguing)
    {
        var c = Classroom(visibility, Moderation.Off);

        Assert.Equal(whileArguing, c.Debate.SideDecidesWhatIsSeen);
        c.Debate.Skip(During);
        Assert.False(c.Debate.SideDecidesWhatIsSeen);
    }

    private static ClassroomSetup Classroom(ArgumentVisibility visibility, Moderation moderation)
    {
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, Visibility = visibility };
        var debate = new DebateBuilder().WithSettings(settings).ArgumentRound().ArgumentRound().Lobby();
        if (moderation != Moderation.Off)
        {
            debate.SetModeration(moderation, T0);
        }

        var (ann, bob, cy) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"), debate.JoinAs("Cy"));
        debate.Start(T0);
        return new ClassroomSetup(debate, ann, bob, cy, debate.Post(ann, "Open is faster.", During));
    }

    private sealed record ClassroomSetup(Debate Debate, Guid Ann, Guid Bob, Guid Cy, Argument Argument);
}
