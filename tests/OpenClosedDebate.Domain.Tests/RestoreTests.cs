namespace OpenClosedDebate.Domain.Tests;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Templates;

public sealed class RestoreTests
{
    private static readonly DateTimeOffset T0 = DebateBuilder.T0;

    [Fact]
    public void Restore_AfterTheWholeBuiltInDebate_ReproducesTheSameState()
    {
        var run = Drive(stopInRound: null);

        var restored = Debate.Restore(run.Live.Id, run.Log);

        Assert.Equal(DebateStatus.Finished, run.Live.Status);
        Assert.Equal(run.Log.Count, restored.Version);
        var kinds = run.Log.Select(e => e.GetType()).ToHashSet();
        var every = typeof(DebateEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(DebateEvent)));
        // PlanEdited and SidesSwapped have their own restore tests; ParticipantErased is replayed in EraseTests, ResultsRevealed in RevealTests, admission in AdmissionTests.
        Assert.Equal([nameof(AdmissionChanged), nameof(ArgumentApproved), nameof(CapacityChanged), nameof(ModerationChanged), nameof(NameApproved), nameof(ParticipantAdmitted), nameof(ParticipantErased), nameof(PlanEdited), nameof(ResultsRevealed), nameof(SidesSwapped)], every.Where(t => !kinds.Contains(t)).Select(t => t.Name).Order());
        Assert.Equal(DebateAssert.Snapshot(run.Live), DebateAssert.Snapshot(restored));
    }

    [Fact]
    public void Restore_InTheMiddleOfAPausedRound_ReproducesTheSameState()
    {
        var run = Drive(stopInRound: 4);

        var restored = Debate.Restore(run.Live.Id, run.Log);

        Assert.True(restored.IsPaused);
        Assert.Equal(DebateAssert.Snapshot(run.Live), DebateAssert.Snapshot(restored));
    }

    [Fact]
    public void Restore_AfterPlanEditDevilsAdvocateSidesAndASwap_ReproducesTheSameState()
    {
        var log = new List<DebateEvent>();
        var (debate, created) = Debate.Create(Guid.NewGuid(), "ABC234", new DebateBuilder().ArgumentRound().Plan(), 9, T0);
        log.AddRange(created);
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.DevilsAdvocate, SwapSidesEachRound = true };
        log.AddRange(debate.EditPlan(new DebateBuilder().WithSettings(settings).MotionVote().ArgumentRound().ArgumentRound().Plan(), T0));
        log.AddRange(debate.OpenLobby(T0));
        var students = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, i) in students.Select((id, i) => (id, i)))
        {
            log.AddRange(debate.Join(id, $"Student {i}", $"hash-{i}", T0));
        }

        log.AddRange(debate.Start(T0));
        log.AddRange(debate.CastBallot(students[0], "v", 0, [MotionItems.For], T0).Events);
        log.AddRange(debate.CastBallot(students[1], "v", 0, [MotionItems.Against], T0).Events);
        for (var i = 1; i <= 5; i++)
        {
            log.AddRange(debate.Skip(T0.AddSeconds(i)));
        }

        var restored = Debate.Restore(debate.Id, log);

        Assert.Single(log.OfType<SidesSwapped>());
        Assert.Equal(DebateAssert.Snapshot(debate), DebateAssert.Snapshot(restored));
    }

    [Fact]
    public void Restore_ThenContinue_GivesTheSameEventsAsTheOriginal()
    {
        var run = Drive(stopInRound: 4);
        var restored = Debate.Restore(run.Live.Id, run.Log);
        var now = run.Now.AddMinutes(1);

        Assert.Equal(Json(run.Live.Resume(now)), Json(restored.Resume(now)));
        Assert.Equal(Json(run.Live.Skip(now)), Json(restored.Skip(now)));
        Assert.Equal(Json(run.Live.End(now)), Json(restored.End(now)));
    }

    [Fact]
    public void Restore_RemembersRequestIds()
    {
        var run = Drive(stopInRound: 4);
        var restored = Debate.Restore(run.Live.Id, run.Log);
        var original = run.Log.OfType<ArgumentPosted>().Last();

        var retry = restored.PostArgument(original.AuthorId, original.RequestId, Guid.NewGuid(), "Again?", null, run.Now);

        Assert.True(retry.IsRetry);
        Assert.Equal(original, retry.Accepted);
    }

    [Fact]
    public void Restore_HistoryWithAGap_IsRejected()
    {
        var run = Drive(stopInRound: 2);
        var withGap = run.Log.Where((_, i) => i != 5).ToList();

        Assert.Throws<InvalidOperationException>(() => Debate.Restore(run.Live.Id, withGap));
    }

    [Fact]
    public void Restore_HistoryOutOfOrder_IsRejected()
    {
        var run = Drive(stopInRound: 2);
        var swapped = run.Log.ToList();
        (swapped[3], swapped[4]) = (swapped[4], swapped[3]);

        Assert.Throws<InvalidOperationException>(() => Debate.Restore(run.Live.Id, swapped));
    }

    [Fact]
    public void Restore_EmptyHistory_IsRejected() =>
        Assert.Throws<InvalidOperationException>(() => Debate.Restore(Guid.NewGuid(), []));

    /// <summary>
    /// Runs the built-in debate with six students, recording every event: votes and revisions,
    /// arguments and rebuttals, every kind of moderation, a pause, an extension, a late joiner and a
    /// student who leaves. Stops paused in the argue phase of <paramref name="stopInRound"/>, or runs to the end.
    /// </summary>
    private static Run Drive(int? stopInRound)
    {
        var log = new List<DebateEvent>();
        var (debate, created) = Debate.Create(Guid.NewGuid(), "OCM234", OpenAndClosedModels.Template.Plan, 2026, T0);
        log.AddRange(created);
        var now = T0;

        log.AddRange(debate.OpenLobby(now = now.AddSeconds(1)));
        var students = new List<Guid>();
        foreach (var name in new[] { "Ann", "Bob", "Cy", "Dee", "Eve", "Finn" })
        {
            var id = Guid.NewGuid();
            log.AddRange(debate.Join(id, name, $"hash-{name}", now = now.AddSeconds(1)));
            students.Add(id);
        }

        log.AddRange(debate.SetLocked(true, now));
        log.AddRange(debate.SetLocked(false, now = now.AddSeconds(1)));
        log.AddRange(debate.Start(now = now.AddSeconds(30)));

        for (var round = 0; round < debate.Plan.Rounds.Count; round++)
        {
            if (debate.CurrentPhase == Phase.Argue)
            {
                now = Argue(debate, log, students, round, now);
                if (round == stopInRound)
                {
                    log.AddRange(debate.Pause(now));
                    return new Run(debate, log, now);
                }

                log.AddRange(debate.Tick(now = debate.Deadline!.Value));
            }

            now = VoteOn(debate, log, students, round, now);
            log.AddRange(debate.Tick(now = debate.Deadline!.Value));
            log.AddRange(debate.Skip(now = now.AddSeconds(20)));
        }

        log.AddRange(debate.HideArgument(debate.Rounds[7].Arguments[0].Id, "Hidden after review.", now.AddHours(1)));
        return new Run(debate, log, now);
    }

    private static DateTimeOffset Argue(Debate debate, List<DebateEvent> log, List<Guid> students, int round, DateTimeOffset now)
    {
        switch (round)
        {
            case 3:
                log.AddRange(debate.Pause(now = now.AddSeconds(30)));
                log.AddRange(debate.Resume(now = now.AddMinutes(2)));
                break;
            case 4:
                log.AddRange(debate.Extend(TimeSpan.FromMinutes(1), now = now.AddSeconds(5)));
                var late = Guid.NewGuid();
                log.AddRange(debate.Join(late, "Gus", "hash-Gus", now = now.AddSeconds(5)));
                students.Add(late);
                break;
            case 5:
                log.AddRange(debate.Leave(students[5], now = now.AddSeconds(5)));
                log.AddRange(debate.Rename(students[0], "Annie", now));
                break;
            case 6:
                log.AddRange(debate.Kick(students[4], now = now.AddSeconds(5)));
                log.AddRange(debate.SetMuted(students[1], true, now));
                break;
            case 7:
                log.AddRange(debate.SetMuted(students[1], false, now = now.AddSeconds(5)));
                log.AddRange(debate.MoveParticipant(students[2], debate.FindParticipant(students[2])!.Side!.Value.Opposite(), now));
                break;
        }

        foreach (var id in Active(debate, students).Where(id => !debate.FindParticipant(id)!.Muted))
        {
            var posted = debate.PostArgument(id, $"{round}-{id}", Guid.NewGuid(), $"Round {round}: my point.", null, now = now.AddSeconds(3));
            log.AddRange(posted.Events);
        }

        var rebuttal = Active(debate, students).First(id => !debate.FindParticipant(id)!.Muted);
        var target = debate.Rounds[round].Arguments.First(a => a.Side != debate.FindParticipant(rebuttal)!.Side);
        log.AddRange(debate.PostArgument(rebuttal, $"{round}-rebuttal", Guid.NewGuid(), "Not so fast.", target.Id, now = now.AddSeconds(3)).Events);
        log.AddRange(debate.PostArgument(rebuttal, $"{round}-rebuttal", Guid.NewGuid(), "Not so fast.", target.Id, now).Events);
        if (round == 2)
        {
            log.AddRange(debate.HideArgument(debate.Rounds[round].Arguments[1].Id, "Off topic.", now));
            log.AddRange(debate.HideArgument(debate.Rounds[round].Arguments[2].Id, "Rude.", now));
            log.AddRange(debate.RestoreArgument(debate.Rounds[round].Arguments[2].Id, now));
        }

        return now;
    }

    private static DateTimeOffset VoteOn(Debate debate, List<DebateEvent> log, List<Guid> students, int round, DateTimeOffset now)
    {
        var state = debate.Rounds[round];
        var voters = Active(debate, students).ToList();
        for (var i = 0; i < voters.Count; i++)
        {
            var id = voters[i];
            var choices = state.Candidates()
                .Where(item => state.Plan.Kind != RoundKind.Argument || debate.FindArgument(Guid.Parse(item))!.AuthorId != id)
                .ToList();
            var ranking = choices.Skip(i % choices.Count).Concat(choices).Distinct().Take(state.MaxRanked(debate.Plan.Settings)).ToArray();
            log.AddRange(debate.CastBallot(id, $"{round}-ballot-{id}", round, ranking, now = now.AddSeconds(2)).Events);
        }

        // One revision and one retry of it.
        var reviser = voters[0];
        var revised = state.Ballots[reviser].Ranking.Reverse().ToArray();
        log.AddRange(debate.CastBallot(reviser, $"{round}-revise", round, revised, now = now.AddSeconds(2)).Events);
        log.AddRange(debate.CastBallot(reviser, $"{round}-revise", round, revised, now).Events);
        return now;
    }

    private static string[] Json(IReadOnlyList<DebateEvent> events) => [.. events.Select(e => JsonSerializer.Serialize(e, e.GetType()))];

    private static IEnumerable<Guid> Active(Debate debate, List<Guid> students) => students.Where(id => debate.FindParticipant(id)!.IsActive);

    private sealed record Run(Debate Live, List<DebateEvent> Log, DateTimeOffset Now);
}
