namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class JoinTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void Join_InLobby_AddsStudent()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();

        var joined = Assert.IsType<ParticipantJoined>(Assert.Single(debate.Join(id, "Ann", "hash-ann", T0.AddSeconds(5))));

        Assert.Equal((id, "Ann", 0, "hash-ann"), (joined.ParticipantId, joined.DisplayName, joined.JoinOrdinal, joined.TokenHash));
        var ann = debate.FindParticipant(id)!;
        Assert.Equal(T0.AddSeconds(5), ann.JoinedAt);
        Assert.True(ann.IsActive);
        Assert.Equal(1, debate.ActiveCount);
        Assert.Same(ann, Assert.Single(debate.Participants));
    }

    [Fact]
    public void JoinOrRetry_WithASecretThatMadeAStudent_ReturnsThatStudentAndChangesNothing()
    {
        var debate = new DebateBuilder().Lobby();
        var first = debate.JoinOrRetry(Guid.NewGuid(), "Ann", "hash-ann", bound: null, T0, TimeSpan.FromHours(1));
        var version = debate.Version;

        var again = debate.JoinOrRetry(Guid.NewGuid(), "Someone else", "hash-ann", bound: null, T0.AddSeconds(1), TimeSpan.FromHours(1));
        var onItsOwnConnection = debate.JoinOrRetry(Guid.NewGuid(), "Ann", "hash-ann", bound: first.Participant.Id, T0.AddSeconds(2), TimeSpan.FromHours(1));

        Assert.False(first.IsRetry);
        Assert.True(again.IsRetry);
        Assert.Same(first.Participant, again.Participant);
        Assert.Same(first.Participant, onItsOwnConnection.Participant);
        Assert.Equal(version, debate.Version);
        Assert.Single(debate.Participants);
    }

    [Fact]
    public void JoinOrRetry_OnAConnectionThatSpeaksForAnotherStudent_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        var ann = debate.JoinOrRetry(Guid.NewGuid(), "Ann", "hash-ann", bound: null, T0, TimeSpan.FromHours(1)).Participant;
        debate.JoinOrRetry(Guid.NewGuid(), "Bob", "hash-bob", bound: null, T0, TimeSpan.FromHours(1));

        var asNew = Assert.Throws<DebateRuleException>(() => debate.JoinOrRetry(Guid.NewGuid(), "Cy", "hash-cy", bound: ann.Id, T0, TimeSpan.FromHours(1)));
        var asBob = Assert.Throws<DebateRuleException>(() => debate.JoinOrRetry(Guid.NewGuid(), "Bob", "hash-bob", bound: ann.Id, T0, TimeSpan.FromHours(1)));

        Assert.Equal((DebateError.AlreadyJoined, DebateError.AlreadyJoined), (asNew.Error, asBob.Error));
        Assert.Equal(2, debate.Participants.Count);
    }

    [Fact]
    public void JoinOrRetry_OnAConnectionWhoseStudentLeft_JoinsANewStudent()
    {
        var debate = new DebateBuilder().Lobby();
        var ann = debate.JoinOrRetry(Guid.NewGuid(), "Ann", "hash-ann", bound: null, T0, TimeSpan.FromHours(1)).Participant;
        debate.Leave(ann.Id, T0.AddSeconds(1));

        var cy = debate.JoinOrRetry(Guid.NewGuid(), "Cy", "hash-cy", bound: ann.Id, T0.AddSeconds(2), TimeSpan.FromHours(1));

        Assert.False(cy.IsRetry);
        Assert.Equal("Cy", cy.Participant.DisplayName);
    }

    [Fact]
    public void Join_WhileRunning_IsAllowed()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Start(T0);

        var late = debate.JoinAs("Late", T0.AddSeconds(30));

        Assert.True(debate.FindParticipant(late)!.IsActive);
    }

    [Fact]
    public void Join_InDraft_IsRefused()
    {
        var debate = new DebateBuilder().Draft();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.Join(Guid.NewGuid(), "Ann", "hash", T0));
    }

    [Fact]
    public void Join_AfterFinished_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.End(T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.Join(Guid.NewGuid(), "Ann", "hash", T0));
    }

    [Fact]
    public void Join_LockedRoom_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetLocked(true, T0);

        DebateAssert.Refused(debate, DebateError.RoomLocked, () => debate.Join(Guid.NewGuid(), "Ann", "hash", T0));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("\u0000\u0007")]
    public void Join_EmptyName_IsRefused(string? name)
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.InvalidName, () => debate.Join(Guid.NewGuid(), name, "hash", T0));
    }

    [Fact]
    public void Join_NameOverLimit_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        var name = new string('a', DebateLimits.DisplayNameMaxLength + 1);

        DebateAssert.Refused(debate, DebateError.InvalidName, () => debate.Join(Guid.NewGuid(), name, "hash", T0));
    }

    [Fact]
    public void Join_NameAtLimitInTextElements_IsAccepted()
    {
        var debate = new DebateBuilder().Lobby();
        var name = string.Concat(Enumerable.Repeat("\U0001F989", DebateLimits.DisplayNameMaxLength));

        Assert.Equal(name, debate.FindParticipant(debate.JoinAs(name))!.DisplayName);
    }

    [Theory]
    [InlineData("  Ann   Lee  ", "Ann Lee")]
    [InlineData("Ann\tLee", "Ann Lee")]
    [InlineData("Ann\r\nLee", "Ann Lee")]
    [InlineData("An\u0007n", "Ann")]
    [InlineData("An\u200Bn", "Ann")]
    [InlineData("\u202EnnA", "nnA")]
    [InlineData("Zoe\u0308", "Zo\u00EB")]
    public void Join_Name_IsCleanedToOneLine(string typed, string kept)
    {
        var debate = new DebateBuilder().Lobby();

        Assert.Equal(kept, debate.FindParticipant(debate.JoinAs(typed))!.DisplayName);
    }

    [Theory]
    [InlineData("Ann")]
    [InlineData("aNN")]
    [InlineData(" ann ")]
    [InlineData("An\u200Bn")]
    public void Join_NameAlreadyInUseIgnoringCase_IsRefused(string name)
    {
        var debate = new DebateBuilder().Lobby();
        debate.JoinAs("Ann");

        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Join(Guid.NewGuid(), name, "hash", T0));
    }

    [Fact]
    public void Join_KickedStudentsName_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Kick(debate.JoinAs("Ann"), T0);

        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Join(Guid.NewGuid(), "ANN", "hash", T0));
    }

    [Fact]
    public void Join_NameOfStudentWhoLeft_IsFreeAgain()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Leave(debate.JoinAs("Ann"), T0);

        var again = debate.JoinAs("Ann");

        Assert.True(debate.FindParticipant(again)!.IsActive);
        Assert.Equal(2, debate.Participants.Count);
    }

    [Fact]
    public void Join_ReusedTokenHash_IsABug()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Join(Guid.NewGuid(), "Ann", "same-hash", T0);
        var before = DebateAssert.Snapshot(debate);

        Assert.Throws<InvalidOperationException>(() => debate.Join(Guid.NewGuid(), "Bob", "same-hash", T0));
        Assert.Equal(before, DebateAssert.Snapshot(debate));
    }

    [Fact]
    public void Join_GivesEachStudentADifferentPseudonym()
    {
        var debate = new DebateBuilder().Lobby();

        foreach (var i in Enumerable.Range(0, 50))
        {
            debate.JoinAs($"Student {i}");
        }

        Assert.Equal(50, debate.Participants.Select(p => p.Pseudonym).Distinct().Count());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(int.MaxValue)]
    [InlineData(-123456789)]
    public void Pseudonyms_AfterEveryPairIsUsed_AddANumber(int seed)
    {
        var firstLap = Enumerable.Range(0, 1600).Select(i => Pseudonyms.For(i, seed)).ToList();

        Assert.Equal(1600, firstLap.Distinct().Count());
        Assert.Equal($"{firstLap[0]} 2", Pseudonyms.For(1600, seed));
    }

    [Fact]
    public void Pseudonyms_FollowTheDebatesSeed_SoTheFirstToJoinIsNotCalledTheSameInEveryDebate()
    {
        var seeds = Enumerable.Range(0, 50).Select(i => new Random(i).Next()).ToList();

        var firsts = seeds.Select(seed => Pseudonyms.For(0, seed)).ToList();
        var orders = seeds.Select(seed => string.Join(",", Enumerable.Range(0, 5).Select(i => Pseudonyms.For(i, seed)))).ToList();

        Assert.True(firsts.Distinct().Count() > 40, $"Only {firsts.Distinct().Count()} different first pseudonyms in 50 debates.");
        Assert.Equal(50, orders.Distinct().Count());
        Assert.Equal(Pseudonyms.For(3, seeds[0]), Pseudonyms.For(3, seeds[0]));
    }
}
