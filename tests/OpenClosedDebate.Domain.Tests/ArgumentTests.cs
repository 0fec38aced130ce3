namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class ArgumentTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    [Fact]
    public void PostArgument_InArguePhase_RecordsItForTheAuthorsSide()
    {
        var (debate, ann, _) = Setups.Arguing();
        var id = Guid.NewGuid();

        var posted = debate.PostArgument(ann, "req-1", id, "  Open weights let anyone check the work.\u0007 ", null, During);

        var e = Assert.IsType<ArgumentPosted>(Assert.Single(posted.Events));
        Assert.Same(e, posted.Accepted);
        Assert.False(posted.IsRetry);
        Assert.Equal((id, 0, ann, Side.Open, "Open weights let anyone check the work.", "req-1"), (e.ArgumentId, e.RoundIndex, e.AuthorId, e.Side, e.Text, e.RequestId));
        var argument = debate.FindArgument(id)!;
        Assert.Equal((During, e.Seq, false), (argument.PostedAt, argument.Seq, argument.IsRebuttal));
        Assert.Same(argument, Assert.Single(debate.Rounds[0].Arguments));
        Assert.Equal(1, debate.Rounds[0].PostsBy(ann));
    }

    [Fact]
    public void PostArgument_KeepsLineBreaks()
    {
        var (debate, ann, _) = Setups.Arguing();

        Assert.Equal("First.\nSecond.", debate.Post(ann, "First.\r\nSecond.", During).Text);
    }

    [Fact]
    public void PostArgument_InVotePhase_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Tick(T0.AddSeconds(300));

        Refused(debate, DebateError.WrongPhase, ann, T0.AddSeconds(301));
    }

    [Fact]
    public void PostArgument_BeforeStart_IsRefused()
    {
        var debate = new DebateBuilder().WithSides(SideAssignmentMode.Alternating).Lobby();
        var ann = debate.JoinAs("Ann");

        Refused(debate, DebateError.WrongPhase, ann, T0);
    }

    [Fact]
    public void PostArgument_InMotionVoteRound_IsRefused()
    {
        var debate = new DebateBuilder().MotionVote().ArgumentRound().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);

        Refused(debate, DebateError.WrongPhase, ann, T0.AddSeconds(1));
    }

    [Fact]
    public void PostArgument_AfterFinished_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.End(During);

        Refused(debate, DebateError.WrongPhase, ann, During);
    }

    [Fact]
    public void PostArgument_WhilePaused_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Pause(During);

        Refused(debate, DebateError.Paused, ann, During.AddSeconds(1));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(3600)]
    public void PostArgument_AtOrAfterDeadlineBeforeTick_IsRefused(int seconds)
    {
        var (debate, ann, _) = Setups.Arguing();

        Refused(debate, DebateError.DeadlinePassed, ann, T0.AddSeconds(seconds));
        Assert.Equal(Phase.Argue, debate.CurrentPhase);
    }

    [Fact]
    public void PostArgument_WithoutASide_IsRefused()
    {
        // No command leaves a student without a side once arguing starts, so this state is restored from a history.
        var ann = Guid.NewGuid();
        var plan = PlanValidator.Validate(new DebateBuilder().ArgumentRound().Plan());
        var debate = Debate.Restore(Guid.NewGuid(), Numbered(
            new DebateCreated("ABC234", plan, 1),
            new LobbyOpened(),
            new ParticipantJoined(ann, "Ann", "Amber Badger", 0, "hash-ann", Side: null),
            new PhaseStarted(0, Phase.Argue, T0.AddSeconds(300), PhaseChangeCause.Start)));

        Refused(debate, DebateError.NoSide, ann, During);
    }

    [Fact]
    public void PostArgument_WhenMuted_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.SetMuted(ann, true, T0);

        Refused(debate, DebateError.Muted, ann, During);
    }

    [Fact]
    public void PostArgument_WhenKicked_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Kick(ann, T0);

        Refused(debate, DebateError.Kicked, ann, During);
    }

    [Fact]
    public void PostArgument_AfterLeaving_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Leave(ann, T0);

        Refused(debate, DebateError.Left, ann, During);
    }

    [Fact]
    public void PostArgument_ByUnknownStudent_IsRefused()
    {
        var (debate, _, _) = Setups.Arguing();

        Refused(debate, DebateError.NotFound, Guid.NewGuid(), During);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("\u0000\u001b")]
    [InlineData(" \u200B \u200B ")]
    [InlineData("\u2060\uFEFF\U000E0041\u3164")]
    public void PostArgument_EmptyText_IsRefused(string? text)
    {
        var (debate, ann, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.InvalidText, () => debate.PostArgument(ann, "req", Guid.NewGuid(), text, null, During));
    }

    [Fact]
    public void PostArgument_TextOverLimit_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        var text = new string('a', DebateLimits.ArgumentMaxLength + 1);

        DebateAssert.Refused(debate, DebateError.InvalidText, () => debate.PostArgument(ann, "req", Guid.NewGuid(), text, null, During));
    }

    [Fact]
    public void PostArgument_LimitCountsTextElementsNotCodeUnits()
    {
        var (debate, ann, _) = Setups.Arguing();
        var atLimit = string.Concat(Enumerable.Repeat("\U0001F44D", DebateLimits.ArgumentMaxLength));

        Assert.Equal(2 * DebateLimits.ArgumentMaxLength, debate.Post(ann, atLimit, During).Text.Length);
        DebateAssert.Refused(debate, DebateError.InvalidText, () => debate.PostArgument(ann, "req", Guid.NewGuid(), atLimit + "!", null, During));
    }

    [Fact]
    public void PostArgument_BeyondThePerRoundLimit_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        for (var i = 0; i < DebateLimits.ArgumentsPerRoundPerStudent; i++)
        {
            debate.Post(ann, $"Point {i}", During);
        }

        Refused(debate, DebateError.TooManyArguments, ann, During);
    }

    [Fact]
    public void PostArgument_PerRoundLimit_StartsAgainNextRound()
    {
        var (debate, ann, _) = Setups.Arguing();
        for (var i = 0; i < DebateLimits.ArgumentsPerRoundPerStudent; i++)
        {
            debate.Post(ann, $"Point {i}", During);
        }

        debate.Skip(During);
        debate.Skip(During);
        debate.Skip(During);

        Assert.Equal(1, debate.Post(ann, "A fresh point.", During).RoundIndex);
    }

    private static void Refused(Debate debate, DebateError expected, Guid author, DateTimeOffset at, Guid? replyTo = null) =>
        DebateAssert.Refused(debate, expected, () => debate.PostArgument(author, "req", Guid.NewGuid(), "A fair point.", replyTo, at));

    private static DebateEvent[] Numbered(params DebateEvent[] events) =>
        [.. events.Select((e, i) => e with { Seq = i + 1, At = T0 })];
}
