namespace OpenClosedDebate.Server.Rooms;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

/// <summary>Maps the live debate to the views each audience may see.</summary>
internal static class RoomViews
{
    /// <summary>The instructor's view of a debate's plan and standing.</summary>
    public static DebateDetail Detail(Debate d) =>
        new(d.Id, d.JoinCode, d.Status, d.Participants.Count, d.CreatedAt, d.StartedAt, d.FinishedAt, d.Plan);

    public static DebateView Debate(Debate d)
    {
        var s = d.Plan.Settings;
        return new DebateView(
            d.Id,
            d.JoinCode,
            d.Plan.Motion,
            d.Status,
            d.Locked,
            new EntryView(d.Capacity, d.ApproveJoins),
            d.Moderation,
            new SettingsView(s.SideAssignment, s.Visibility, s.TallyMethod, s.MaxRankedItems, s.AllowRankingOwnArgument, s.SwapSidesEachRound, s.Anonymous, s.RevealResults),
            d.Plan.PreReading,
            d.Plan.Rounds.Select((r, i) => Round(r, i, s)).ToList());
    }

    public static ClockView Clock(Debate d, DateTimeOffset now) => new(
        d.Status,
        d.RoundIndex,
        d.CurrentPhase,
        d.Deadline,
        d.RemainingAt(now) is { } left ? (long)left.TotalMilliseconds : null,
        d.IsPaused,
        d.CurrentPhase == Phase.Results && d.CurrentRound is { ResultsRevealed: false });

    public static CountsView Counts(Debate d)
    {
        int open = d.CountOn(Side.Open), closed = d.CountOn(Side.Closed);
        var ballots = d.CurrentRound is { } round ? d.CountedBallots(round) : 0;
        var waiting = d.WaitingCount;
        var voted = d.CurrentRound is { } current ? d.VotersInRoom(current) : 0;
        return new CountsView(open, closed, d.ActiveCount - open - closed - waiting, ballots, waiting, voted);
    }

    public static ArgumentView Argument(Debate d, Argument a, Audience audience)
    {
        var author = d.FindParticipant(a.AuthorId)!;
        var name = audience == Audience.Instructor ? author.DisplayName : d.NameShownToClass(author);
        var showHidden = audience == Audience.Instructor;
        return new ArgumentView(a.Id, a.RoundIndex, a.Side, a.AuthorId, name, a.Text, a.ReplyToId, a.PostedAt, showHidden && a.Hidden, showHidden ? a.HiddenReason : null, a.Withdrawn, a.Seq, a.Held, a.OffBallot, a.IsBallotItem);
    }

    public static ParticipantView Participant(Debate d, Participant p, bool connected)
    {
        var round = d.CurrentRound;
        return new(
            p.Id,
            p.DisplayName,
            p.Pseudonym,
            p.Side,
            p.Muted,
            p.Kicked,
            p.Left,
            connected && p.IsActive,
            p.JoinedAt,
            p.Waiting && p.IsActive,
            round?.Index,
            round?.Ballots.ContainsKey(p.Id) ?? false,
            round?.PostsBy(p.Id) ?? 0,
            p.NameHeld);
    }

    /// <summary>A student's part in the current round (there must be one).</summary>
    public static ActivityView Activity(RoundState round, Guid participantId) =>
        new(participantId, round.Ballots.ContainsKey(participantId), round.PostsBy(participantId));

    public static YouView You(Debate d, Participant p) => new(
        p.Id,
        p.DisplayName,
        p.Pseudonym,
        p.Side,
        p.Muted,
        d.Rounds.SelectMany(r => r.Arguments)
            .Where(a => a.AuthorId == p.Id && a.Hidden && !a.Withdrawn)
            .Select(a => new HiddenArgumentView(a.Id, a.RoundIndex, a.Text, a.HiddenReason!))
            .ToList(),
        p.Waiting,
        p.NameHeld);

    public static BallotView Ballot(Ballot b) => new(b.RoundIndex, b.Ranking, b.Revision, b.Receipt, b.CastAt);

    /// <summary>How many places a result carries in the room; every phone shows the top ten at most.</summary>
    public const int PublishedItems = 20;

    /// <summary>A round's result; <paramref name="top"/> keeps only the first places (room messages), null keeps every item (REST).</summary>
    public static ResultView Result(Debate d, RoundResult r, int? top = null)
    {
        var round = d.Plan.Rounds[r.RoundIndex];
        var ranking = r.Ranking is { } k
            ? new RankingView(
                k.Method,
                k.Items.Take(top ?? int.MaxValue).Select(i => new RankedItemView(i.ItemId, Label(round, i.ItemId), i.Place, i.Score, i.FirstPreferences, i.TieBroken)).ToList(),
                k.Items.Count,
                k.Note,
                k.Runoff is { } runoff ? Runoff(round, runoff) : null,
                k.Pairwise is { } pairwise ? new PairwiseView(pairwise.ItemIds, pairwise.Preferences, pairwise.StrongestPaths) : null)
            : null;
        return new ResultView(
            r.RoundIndex,
            r.Kind,
            r.BallotCount,
            ranking,
            r.Sides?.Select(s => new SideScoreView(s.Side, s.Points, s.Arguments, Math.Round(s.Share, 4))).ToList(),
            r.Motion is { } m ? Motion(m) : null,
            r.Persuasion is { } p ? Persuasion(p) : null);
    }

    /// <summary>The persuasion as the wire shows it: the verdict, and the gains rounded for display.</summary>
    public static PersuasionView Persuasion(Persuasion p) => new(Motion(p.Before), Motion(p.After), p.ForGain, p.AgainstGain, p.Winner, p.Verdict);

    /// <summary>The live tally of the round being voted on, for the instructor; null outside a vote.</summary>
    public static ResultView? LiveTally(Debate d) => LiveCount(d) is { } count ? Result(d, count, PublishedItems) : null;

    /// <summary>The round being voted on, counted as its ballots stand; null outside a vote.</summary>
    public static RoundResult? LiveCount(Debate d) => d.CurrentPhase == Phase.Vote && d.CurrentRound is { } round ? d.ResultOf(round) : null;

    /// <summary>The method's wire name: "borda", "instantRunoff" or "schulze".</summary>

    /// <summary>
    /// Every closed argument and ranking round under every method, counted as at its close, and each student's change
    /// of mind: for the instructor. Motion votes have one count whatever the method, so they are left out.
    /// </summary>
    public static ComparisonView Comparison(Debate d)
    {
        var rounds = d.Rounds
            .Where(r => r.Counted is not null && r.Plan.Kind != RoundKind.MotionVote)
            .Select(r => new RoundComparisonView(r.Index, r.Plan.Title, [.. Recounts(d, r, Tally.Methods)], RecountNote(d.NoteOn(r))))
            .ToList();
        var changes = d.MindChanges()
            .Select(c => new MindChangeView(c.ParticipantId, d.FindParticipant(c.ParticipantId)!.DisplayName, c.Before, c.After, c.Changed))
            .ToList();
        return new ComparisonView(rounds, changes);
    }

    /// <summary>
    /// A closed round recounted (<see cref="Debate.RecountOf"/>) under the given methods; a motion vote has one count, whatever the method.
    /// </summary>
    public static IEnumerable<ResultView> Recounts(Debate d, RoundState round, IEnumerable<TallyMethod> methods) =>
        round.Plan.Kind == RoundKind.MotionVote
            ? [Result(d, d.RecountOf(round, d.Plan.Settings.TallyMethod))]
            : methods.Select(m => Result(d, d.RecountOf(round, m)));

    /// <summary>The note beside a recount, or null when nothing happened since the close.</summary>
    public static RecountNoteView? RecountNote(RecountNote note) =>
        note.IsEmpty ? null : new(note.RemovedStudents, note.HiddenArguments, note.RestoredArguments, note.WithdrawnArguments, note.ErasedStudents);

    private static RunoffView Runoff(RoundPlan round, RunoffDetail runoff) => new(
        runoff.Rounds.Select(r => new RunoffRoundView(r.Number, r.Counts.Select(c => new RunoffCountView(c.ItemId, Label(round, c.ItemId), c.Votes)).ToList(), r.Eliminated, r.Exhausted, r.Continuing)).ToList(),
        runoff.SummarisedRounds,
        runoff.SummarisedEliminated,
        runoff.DecisiveRound);

    private static RoundView Round(RoundPlan r, int index, DebateSettings settings) => new(
        index,
        r.Title,
        r.Prompt,
        r.Kind,
        r.OpenBrief,
        r.ClosedBrief,
        r.Scenario is { } s ? new ScenarioView(s, s.Describe()) : null,
        Options(r),
        r.MaxRanked(settings),
        r.Kind == RoundKind.Argument ? r.ArgueSeconds : null,
        r.VoteSeconds,
        r.ResultsSeconds);

    private static List<OptionView> Options(RoundPlan r) => r.Kind switch
    {
        RoundKind.Ranking => r.Options.Select((o, i) => new OptionView(RoundPlan.OptionItemId(i), o)).ToList(),
        RoundKind.MotionVote => [new(MotionItems.For, "For"), new(MotionItems.Against, "Against"), new(MotionItems.Undecided, "Undecided")],
        _ => [],
    };

    private static string? Label(RoundPlan round, string itemId) => Options(round).FirstOrDefault(o => o.Id == itemId)?.Label;

    private static MotionView Motion(MotionTally m) => new(m.For, m.Against, m.Undecided, m.ForPercent, m.AgainstPercent, m.UndecidedPercent);
}
