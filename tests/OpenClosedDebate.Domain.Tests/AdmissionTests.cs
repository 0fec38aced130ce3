namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>A room's capacity, and students who wait for the instructor to let them in.</summary>
public sealed class AdmissionTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void A_room_takes_150_students_unless_the_instructor_says_otherwise()
    {
        var debate = new DebateBuilder().Lobby();

        Assert.Equal(DebateLimits.DefaultCapacity, debate.Capacity);
        Assert.Equal(150, debate.Capacity);
    }

    [Fact]
    public void A_full_room_refuses_the_next_student_and_counts_waiting_ones()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetCapacity(3, T0);
        debate.JoinAs("Ann");
        debate.SetApproveJoins(true, T0);
        debate.JoinAs("Ben");
        debate.JoinAs("Cat");

        var refused = DebateAssert.Refused(debate, DebateError.RoomFull, () => debate.JoinAs("Dan"));

        Assert.Contains("3 students", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_student_who_leaves_makes_room_for_another()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetCapacity(1, T0);
        var ann = debate.JoinAs("Ann");
        debate.Leave(ann, T0);

        debate.JoinAs("Ben");

        Assert.Equal(1, debate.ActiveCount);
    }

    [Fact]
    public void Lowering_the_capacity_below_the_room_turns_no_one_out_but_stops_new_joins()
    {
        var debate = new DebateBuilder().Lobby();
        debate.JoinAs("Ann");
        debate.JoinAs("Ben");

        Assert.IsType<CapacityChanged>(Assert.Single(debate.SetCapacity(1, T0)));

        Assert.Equal(2, debate.ActiveCount);
        DebateAssert.Refused(debate, DebateError.RoomFull, () => debate.JoinAs("Cat"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(DebateLimits.MaxCapacity + 1)]
    public void A_capacity_outside_1_to_20000_is_refused(int capacity)
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.InvalidRequest, () => debate.SetCapacity(capacity, T0));
    }

    [Fact]
    public void Setting_the_same_capacity_or_admission_again_is_refused()
    {
        var debate = new DebateBuilder().Lobby();

        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetCapacity(150, T0));
        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.SetApproveJoins(false, T0));
    }

    [Fact]
    public void In_approval_mode_a_joiner_waits_without_a_side_and_can_neither_post_nor_vote()
    {
        var debate = new DebateBuilder().ArgumentRound().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.Start(T0);
        debate.SetApproveJoins(true, T0);

        var late = debate.JoinAs("Late");

        var p = debate.FindParticipant(late)!;
        Assert.True(p.Waiting);
        Assert.Null(p.Side);
        Assert.False(p.IsAdmitted);
        Assert.Equal([late], debate.WaitingList.Select(w => w.Id));
        Assert.Equal(1, debate.WaitingCount);
        DebateAssert.Refused(debate, DebateError.NotAdmitted, () => debate.PostArgument(late, "r1", Guid.NewGuid(), "Open weights can be audited.", null, T0));
        debate.Post(ann, "Open weights can be audited by anyone.", T0);
        debate.Skip(T0.AddSeconds(1));
        DebateAssert.Refused(debate, DebateError.NotAdmitted, () => debate.CastBallot(late, "b1", 0, [debate.Rounds[0].Arguments[0].Id.ToString()], T0.AddSeconds(1)));
    }

    [Fact]
    public void A_waiting_student_can_resume_and_leave()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetApproveJoins(true, T0);
        var id = Guid.NewGuid();
        debate.Join(id, "Ann", "hash-ann", T0);

        Assert.Equal(id, debate.Authenticate("hash-ann", T0, TimeSpan.FromHours(1)).Id);
        debate.Leave(id, T0);
        Assert.Empty(debate.WaitingList);
    }

    [Fact]
    public void Admitting_gives_the_side_a_newcomer_would_get_and_lets_them_post()
    {
        var debate = new DebateBuilder().ArgumentRound().Lobby();
        debate.JoinAs("Ann");
        debate.JoinAs("Ben");
        debate.Start(T0);
        debate.SetApproveJoins(true, T0);
        var late = debate.JoinAs("Late");
        var (open, closed) = (debate.CountOn(Side.Open), debate.CountOn(Side.Closed));

        var admitted = Assert.IsType<ParticipantAdmitted>(Assert.Single(debate.Admit(late, T0)));

        var side = Assert.NotNull(admitted.Side);
        Assert.Equal(side, debate.FindParticipant(late)!.Side);
        Assert.Equal(open + closed + 1, debate.CountOn(Side.Open) + debate.CountOn(Side.Closed));
        Assert.True(debate.FindParticipant(late)!.IsAdmitted);
        debate.Post(late, "Closed labs can withdraw an unsafe model.", T0);
        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.Admit(late, T0));
    }

    [Fact]
    public void Admitted_in_the_lobby_a_student_gets_a_side_at_the_start_like_everyone_else()
    {
        var debate = new DebateBuilder().ArgumentRound().Lobby();
        debate.SetApproveJoins(true, T0);
        var ann = debate.JoinAs("Ann");
        var ben = debate.JoinAs("Ben");
        var cat = debate.JoinAs("Cat");
        debate.Admit(ann, T0);
        debate.Admit(ben, T0);

        debate.Start(T0);

        Assert.NotNull(debate.FindParticipant(ann)!.Side);
        Assert.NotNull(debate.FindParticipant(ben)!.Side);
        Assert.Null(debate.FindParticipant(cat)!.Side);
        Assert.True(debate.FindParticipant(cat)!.Waiting);
    }

    [Fact]
    public void Admit_all_lets_everyone_in_in_join_order_and_sides_stay_balanced()
    {
        var debate = new DebateBuilder().ArgumentRound().Lobby();
        debate.JoinAs("Ann");
        debate.Start(T0);
        debate.SetApproveJoins(true, T0);
        var waiting = Enumerable.Range(0, 5).Select(i => debate.JoinAs($"Late {i}")).ToList();

        var events = debate.AdmitAll(T0);

        Assert.Equal(waiting, events.Cast<ParticipantAdmitted>().Select(a => a.ParticipantId));
        Assert.Empty(debate.WaitingList);
        Assert.Equal(0, debate.WaitingCount);
        Assert.InRange(Math.Abs(debate.CountOn(Side.Open) - debate.CountOn(Side.Closed)), 0, 1);
        DebateAssert.Refused(debate, DebateError.WrongStatus, () => debate.AdmitAll(T0));
    }

    [Fact]
    public void Turning_away_everyone_waiting_removes_them_and_keeps_those_let_in()
    {
        var debate = new DebateBuilder().Lobby();
        var ann = debate.JoinAs("Ann");
        debate.SetApproveJoins(true, T0);
        var bots = Enumerable.Range(0, 4).Select(i => debate.JoinAs($"Bot {i}")).ToList();

        var events = debate.TurnAwayWaiting(T0);

        Assert.Equal(bots, events.Cast<ParticipantKicked>().Select(k => k.ParticipantId));
        Assert.Equal(1, debate.ActiveCount);
        Assert.True(debate.FindParticipant(ann)!.IsActive);
        DebateAssert.Refused(debate, DebateError.NameTaken, () => debate.JoinAs("Bot 0"));
    }

    [Fact]
    public void A_waiting_student_can_be_removed_but_not_moved()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetApproveJoins(true, T0);
        var ann = debate.JoinAs("Ann");

        DebateAssert.Refused(debate, DebateError.NotAdmitted, () => debate.MoveParticipant(ann, Side.Open, T0));
        debate.Kick(ann, T0);
        Assert.Empty(debate.WaitingList);
    }

    [Fact]
    public void Switching_approval_off_leaves_those_waiting_waiting_and_lets_the_next_in()
    {
        var debate = new DebateBuilder().Lobby();
        debate.SetApproveJoins(true, T0);
        var ann = debate.JoinAs("Ann");

        Assert.IsType<AdmissionChanged>(Assert.Single(debate.SetApproveJoins(false, T0)));
        var ben = debate.JoinAs("Ben");

        Assert.True(debate.FindParticipant(ann)!.Waiting);
        Assert.False(debate.FindParticipant(ben)!.Waiting);
    }

    [Fact]
    public void Capacity_admission_and_admitting_are_replayed_exactly()
    {
        var log = new List<DebateEvent>();
        var (debate, created) = Debate.Create(Guid.NewGuid(), "ABC234", new DebateBuilder().ArgumentRound().Plan(), 5, T0);
        log.AddRange(created);
        log.AddRange(debate.SetCapacity(40, T0));
        log.AddRange(debate.SetApproveJoins(true, T0));
        log.AddRange(debate.OpenLobby(T0));
        var ids = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            log.AddRange(debate.Join(id, $"Student {i}", $"hash-{i}", T0));
        }

        log.AddRange(debate.Admit(ids[0], T0));
        log.AddRange(debate.Start(T0));
        log.AddRange(debate.AdmitAll(T0));
        log.AddRange(debate.SetApproveJoins(false, T0));

        var restored = Debate.Restore(debate.Id, log);

        Assert.Equal(DebateAssert.Snapshot(debate), DebateAssert.Snapshot(restored));
        Assert.Equal(40, restored.Capacity);
    }
}
