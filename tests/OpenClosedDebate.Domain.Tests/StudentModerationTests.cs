namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class StudentModerationTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;
    private static readonly DateTimeOffset During = T0.AddSeconds(60);

    [Fact]
    public void SetMuted_MutesAndUnmutes()
    {
        var (debate, ann, _) = Setups.Arguing();

        var muted = Assert.IsType<ParticipantMuted>(Assert.Single(debate.SetMuted(ann, true, During)));
        Assert.Equal((ann, true), (muted.ParticipantId, muted.Muted));
        Assert.True(debate.FindParticipant(ann)!.Muted);

        Assert.False(Assert.IsType<ParticipantMuted>(Assert.Single(debate.SetMuted(ann, false, During))).Muted);
        Assert.False(debate.FindParticipant(ann)!.Muted);
    }

    [Fact]
    public void Mute_AlreadyMuted_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.SetMuted(ann, true, During);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetMuted(ann, true, During));
    }

    [Fact]
    public void Mute_KickedStudent_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Kick(ann, During);

        DebateAssert.Refused(debate, DebateError.Kicked, () => debate.SetMuted(ann, true, During));
    }

    [Fact]
    public void Mute_AfterFinished_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.End(During);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetMuted(ann, true, During));
    }

    [Fact]
    public void Unmute_NotMuted_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetMuted(ann, false, During));
    }

    [Fact]
    public void Kick_RemovesTheStudent()
    {
        var (debate, ann, _) = Setups.Arguing();

        var kicked = Assert.IsType<ParticipantKicked>(Assert.Single(debate.Kick(ann, During)));

        Assert.Equal(ann, kicked.ParticipantId);
        var p = debate.FindParticipant(ann)!;
        Assert.True(p.Kicked);
        Assert.False(p.IsActive);
        Assert.Equal(1, debate.ActiveCount);
    }

    [Fact]
    public void Kick_Twice_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Kick(ann, During);

        DebateAssert.Refused(debate, DebateError.Kicked, () => debate.Kick(ann, During));
    }

    [Fact]
    public void Kick_Unknown_IsRefused()
    {
        var (debate, _, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.NotFound, () => debate.Kick(Guid.NewGuid(), During));
    }

    [Fact]
    public void Kick_AfterFinished_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.End(During);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.Kick(ann, During));
    }

    [Fact]
    public void Rename_ChangesTheNameAndRecordsBoth()
    {
        var (debate, ann, _) = Setups.Arguing();

        var renamed = Assert.IsType<ParticipantRenamed>(Assert.Single(debate.Rename(ann, "  Ann   Smith ", During)));

        Assert.Equal((ann, "Ann", "Ann Smith"), (renamed.ParticipantId, renamed.OldName, renamed.NewName));
        Assert.Equal("Ann Smith", debate.FindParticipant(ann)!.DisplayName);
    }

    [Fact]
    public void Rename_FreesTheOldNameAndTakesTheNewOne()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Rename(ann, "Annie", During);

        Assert.True(debate.FindParticipant(debate.JoinAs("Ann", During))!.IsActive);
        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Join(Guid.NewGuid(), "ANNIE", "hash-x", During));
    }

    [Fact]
    public void Rename_OnlyChangingCase_IsAllowed()
    {
        var (debate, ann, _) = Setups.Arguing();

        debate.Rename(ann, "ANN", During);

        Assert.Equal("ANN", debate.FindParticipant(ann)!.DisplayName);
        Assert.Equal(2, debate.ActiveCount);
    }

    [Fact]
    public void Rename_ToTheSameName_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.InvalidName, () => debate.Rename(ann, " Ann ", During));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\t")]
    public void Rename_ToAnEmptyName_IsRefused(string? name)
    {
        var (debate, ann, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.InvalidName, () => debate.Rename(ann, name, During));
    }

    [Fact]
    public void Rename_ToANameOverLimit_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        var name = new string('n', DebateLimits.DisplayNameMaxLength + 1);

        DebateAssert.Refused(debate, DebateError.InvalidName, () => debate.Rename(ann, name, During));
    }

    [Fact]
    public void Rename_ToAnotherStudentsNameIgnoringCase_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Rename(ann, "bob", During));
    }

    [Fact]
    public void Rename_ToAKickedStudentsName_IsRefused()
    {
        var (debate, ann, _) = Setups.Arguing();
        debate.Kick(debate.JoinAs("Cy", During), During);

        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.Rename(ann, "Cy", During));
    }

    [Fact]
    public void Rename_UnknownStudent_IsRefused()
    {
        var (debate, _, _) = Setups.Arguing();

        DebateAssert.Refused(debate, DebateError.NotFound, () => debate.Rename(Guid.NewGuid(), "Zed", During));
    }
}
