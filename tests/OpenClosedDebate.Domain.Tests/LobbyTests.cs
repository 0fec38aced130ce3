namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

public sealed class LobbyTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void OpenLobby_FromDraft_LetsStudentsJoin()
    {
        var debate = new DebateBuilder().Draft();

        var opened = debate.OpenLobby(T0);

        Assert.IsType<LobbyOpened>(Assert.Single(opened));
        Assert.Equal(DebateStatus.Lobby, debate.Status);
    }

    [Fact]
    public void OpenLobby_Twice_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.OpenLobby(T0));
    }

    [Fact]
    public void Authenticate_KnownToken_ReturnsTheStudent()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();
        debate.Join(id, "Ann", "hash-ann", T0);

        Assert.Equal(id, debate.Authenticate("hash-ann", T0, TimeSpan.FromHours(1)).Id);
    }

    [Fact]
    public void Authenticate_UnknownTokenHash_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.JoinAs("Ann");

        DebateAssert.Refused(debate, DebateError.InvalidToken, () => debate.Authenticate("hash-nobody", T0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Authenticate_KickedStudent_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();
        debate.Join(id, "Ann", "hash-ann", T0);
        debate.Kick(id, T0);

        DebateAssert.Refused(debate, DebateError.Kicked, () => debate.Authenticate("hash-ann", T0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Authenticate_StudentWhoLeft_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();
        debate.Join(id, "Ann", "hash-ann", T0);
        debate.Leave(id, T0);

        DebateAssert.Refused(debate, DebateError.Left, () => debate.Authenticate("hash-ann", T0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Authenticate_UntilTheEndOfTheFinishWindow_Works()
    {
        var debate = new DebateBuilder().Lobby();
        var id = Guid.NewGuid();
        debate.Join(id, "Ann", "hash-ann", T0);
        debate.End(T0.AddMinutes(10));

        Assert.Equal(id, debate.Authenticate("hash-ann", T0.AddMinutes(70), TimeSpan.FromHours(1)).Id);
    }

    [Fact]
    public void Authenticate_AfterTheFinishWindow_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Join(Guid.NewGuid(), "Ann", "hash-ann", T0);
        debate.End(T0.AddMinutes(10));

        DebateAssert.Refused(debate, DebateError.InvalidToken, () => debate.Authenticate("hash-ann", T0.AddMinutes(70).AddTicks(1), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Leave_ActiveStudent_MarksThemLeftAndFreesTheirSeat()
    {
        var debate = new DebateBuilder().Lobby();
        var ann = debate.JoinAs("Ann");
        var side = debate.FindParticipant(ann)!.Side!.Value;

        var left = Assert.IsType<ParticipantLeft>(Assert.Single(debate.Leave(ann, T0)));

        Assert.Equal(ann, left.ParticipantId);
        Assert.True(debate.FindParticipant(ann)!.Left);
        Assert.Equal(0, debate.ActiveCount);
        Assert.Equal(0, debate.CountOn(side));
    }

    [Fact]
    public void Leave_Twice_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Leave(ann, T0);

        DebateAssert.Refused(debate, DebateError.Left, () => debate.Leave(ann, T0));
    }

    [Fact]
    public void Leave_AfterBeingKicked_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Kick(ann, T0);

        DebateAssert.Refused(debate, DebateError.Kicked, () => debate.Leave(ann, T0));
    }

    [Fact]
    public void Leave_UnknownStudent_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.NotFound, () => debate.Leave(Guid.NewGuid(), T0));
    }

    [Fact]
    public void SetLocked_InLobby_LocksTheRoom()
    {
        var debate = new DebateBuilder().Lobby();

        var changed = Assert.IsType<RoomLockChanged>(Assert.Single(debate.SetLocked(true, T0)));

        Assert.True(changed.Locked);
        Assert.True(debate.Locked);
    }

    [Fact]
    public void SetLocked_WhileRunning_LocksTheRoom()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Start(T0);

        debate.SetLocked(true, T0);

        Assert.True(debate.Locked);
    }

    [Fact]
    public void Unlock_LetsStudentsJoinAgain()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetLocked(true, T0);

        Assert.False(Assert.IsType<RoomLockChanged>(Assert.Single(debate.SetLocked(false, T0))).Locked);
        Assert.True(debate.FindParticipant(debate.JoinAs("Ann"))!.IsActive);
    }

    [Fact]
    public void Unlock_WhenAlreadyOpen_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetLocked(false, T0));
    }

    [Fact]
    public void Lock_WhenAlreadyLocked_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetLocked(true, T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetLocked(true, T0));
    }

    [Fact]
    public void Lock_InDraft_IsRefused()
    {
        var debate = new DebateBuilder().Draft();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetLocked(true, T0));
    }

    [Fact]
    public void Lock_AfterFinished_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.End(T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetLocked(true, T0));
    }

    [Fact]
    public void EditPlan_InDraft_ReplacesThePlan()
    {
        var debate = new DebateBuilder().Draft();
        var plan = new DebateBuilder().MotionVote().ArgumentRound().Plan() with { Motion = "  Weights should be open. " };

        var edited = Assert.IsType<PlanEdited>(Assert.Single(debate.EditPlan(plan, T0)));

        Assert.Equal("Weights should be open.", edited.Plan.Motion);
        Assert.Equal(2, debate.Plan.Rounds.Count);
    }

    [Fact]
    public void EditPlan_InLobby_ReplacesThePlan()
    {
        var debate = new DebateBuilder().Lobby();
        debate.JoinAs("Ann");

        debate.EditPlan(new DebateBuilder().MotionVote().Plan(), T0);

        Assert.Equal(RoundKind.MotionVote, Assert.Single(debate.Plan.Rounds).Kind);
    }

    [Fact]
    public void EditPlan_WhenRunning_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.Start(T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.EditPlan(new DebateBuilder().MotionVote().Plan(), T0));
    }

    [Fact]
    public void EditPlan_AfterFinished_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();
        debate.End(T0);

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.EditPlan(new DebateBuilder().MotionVote().Plan(), T0));
    }

    [Fact]
    public void EditPlan_WithInvalidPlan_IsRefused()
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.InvalidPlan, () => debate.EditPlan(new DebateBuilder().Plan(), T0));
    }
}
