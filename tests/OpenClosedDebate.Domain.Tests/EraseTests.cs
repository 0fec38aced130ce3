namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class EraseTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void Erase_WithdrawsTheStudentsArgumentsAndErasesTheirTextAndName()
    {
        var setup = Setups.VotingOnArguments();
        var debate = setup.Debate;

        var events = debate.Erase(setup.Bob, T0.AddSeconds(320));

        var erased = Assert.IsType<ParticipantErased>(Assert.Single(events));
        var bob = debate.FindParticipant(setup.Bob)!;
        Assert.Equal(erased.ReplacementName, bob.DisplayName);
        Assert.StartsWith("Removed student", bob.DisplayName, StringComparison.Ordinal);
        Assert.True(bob.Erased);
        Assert.False(bob.IsActive);
        Assert.True(setup.BobArg.Withdrawn);
        Assert.Equal(string.Empty, setup.BobArg.Text);
        Assert.DoesNotContain(setup.BobArg.ItemId, debate.CurrentRound!.Candidates());
    }

    [Fact]
    public void Erase_DropsTheStudentsBallotsAndTheirSideFromTheCounts()
    {
        var setup = Setups.VotingOnArguments();
        var debate = setup.Debate;
        debate.Vote(setup.Bob, T0.AddSeconds(310), setup.AnnArg.ItemId);
        var closedBefore = debate.CountOn(Side.Closed);

        debate.Erase(setup.Bob, T0.AddSeconds(320));

        Assert.False(debate.CurrentRound!.Ballots.ContainsKey(setup.Bob));
        Assert.Equal(closedBefore - 1, debate.CountOn(Side.Closed));
        DebateAssert.CountsMatchRoster(debate);
    }

    [Fact]
    public void Erase_Twice_IsRefused()
    {
        var setup = Setups.VotingOnArguments();
        setup.Debate.Erase(setup.Bob, T0.AddSeconds(320));

        DebateAssert.Refused(setup.Debate, DebateError.WrongStatus, () => setup.Debate.Erase(setup.Bob, T0.AddSeconds(330)));
    }

    [Fact]
    public void Erase_AnUnknownStudent_IsRefused()
    {
        var setup = Setups.VotingOnArguments();

        DebateAssert.Refused(setup.Debate, DebateError.NotFound, () => setup.Debate.Erase(Guid.NewGuid(), T0.AddSeconds(320)));
    }

    [Fact]
    public void Erase_TheErasedStudentCanNoLongerResume()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Join(Guid.NewGuid(), "Ann", "ann-token", T0);
        var ann = debate.Participants[0];

        debate.Erase(ann.Id, T0);

        Assert.Throws<DebateRuleException>(() => debate.Authenticate("ann-token", T0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Erase_AfterReplay_GivesTheSameDebate()
    {
        var (live, created) = Debate.Create(Guid.NewGuid(), "ABC234", new DebateBuilder().ArgumentRound().Plan(), 1, T0);
        var history = new List<DebateEvent>(created);
        history.AddRange(live.OpenLobby(T0));
        var ann = Guid.NewGuid();
        history.AddRange(live.Join(ann, "Ann", "t1", T0));
        history.AddRange(live.Start(T0));
        history.AddRange(live.PostArgument(ann, "r1", Guid.NewGuid(), "Open is faster.", null, T0.AddSeconds(1)).Events);
        history.AddRange(live.Erase(ann, T0.AddSeconds(2)));

        var replayed = Debate.Restore(live.Id, history);

        Assert.Equal(DebateAssert.Snapshot(live), DebateAssert.Snapshot(replayed));
    }
}
