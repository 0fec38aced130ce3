namespace OpenClosedDebate.Server.Rooms;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;

/// <summary>Maps the live debate to the views each audience may see.</summary>
internal static class RoomViews
{
    public static DebateView Debate(Debate d)
    {
        var s = d.Plan.Settings;
        return new DebateView(
            d.Id,
            d.JoinCode,
            d.Plan.Motion,
            d.Status,
            d.Locked,
            new SettingsView(s.SideAssignment, s.Visibility, MethodName(s.TallyMethod), s.MaxRankedItems, s.AllowRankingOwnArgument, s.SwapSidesEachRound, s.Anonymous),
            d.Plan.PreReading,
            d.Plan.Rounds.Select((r, i) => Round(r, i, s)).ToList());
    }

    public static ClockView Clock(Debate d, DateTimeOffset now) => new(
        d.Status,
        d.RoundIndex,
        d.CurrentPhase,
        d.Deadline,
        d.RemainingAt(now) is { } left ? (long)left.TotalMilliseconds : null,
        d.IsPaused);

    public static CountsView Counts(Debate d)
    {
        int open = d.CountOn(Side.Open), closed = d.CountOn(Side.Closed);
        var ballots = d.CurrentRound is { } round ? d.CountedBallots(round) : 0;
        return new CountsView(open, closed, d.ActiveCount - open - closed, ballots);
    }

    public static ArgumentView Argument(Debate d, Argument a, Audience audience)
    {
        var author = d.FindParticipant(a.AuthorId)!;
        var name = audience != Audience.Instructor && d.Plan.Settings.Anonymous ? author.Pseudonym : author.DisplayName;
        var showHidden = audience == Audience.Instructor;
        return new ArgumentView(a.Id, a.RoundIndex, a.Side, a.AuthorId, name, a.Text, a.ReplyToId, a.PostedAt, showHidden && a.Hidden, showHidden ? a.HiddenReason : null, a.Withdrawn);
    }

    public static string AuthorName(Debate d, Participant p) => d.Plan.Settings.Anonymous ? p.Pseudonym : p.DisplayName;

    public static ParticipantView Participant(Participant p, bool connected) =>
        new(p.Id, p.DisplayName, p.Pseudonym, p.Side, p.Muted, p.Kicked, p.Left, connected, p.JoinedAt);

    public static YouView You(Participant p) => new(p.Id, p.DisplayName, p.Pseudonym, p.Side, p.Muted);

    public static BallotView Ballot(Ballot b) => new(b.RoundIndex, b.Ranking, b.Revision, b.Receipt, b.CastAt);

    /// <summary>How many places a result carries in the room; every phone shows the top ten at most.</summary>
    public const int PublishedItems = 20;

    /// <summary>A round's result; <paramref name="top"/> keeps only the first places (room messages), null keeps every item (REST).</summary>
    public static ResultView Result(Debate d, RoundResult r, int? top = null)
    {
        var round = d.Plan.Rounds[r.RoundIndex];
        var ranking = r.Ranking is { } k
            ? new RankingView(
                MethodName(k.Method),
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
            r.Persuasion is { } p ? new PersuasionView(Motion(p.Before), Motion(p.After), p.ForGain, p.AgainstGain, p.Winner) : null);
    }

    /// <summary>The live tally of the round being voted on, for the instructor; null outside a vote.</summary>
    public static ResultView? LiveTally(Debate d) =>
        d.CurrentPhase == Phase.Vote && d.CurrentRound is { } round ? Result(d, d.ResultOf(round), PublishedItems) : null;

    /// <summary>The method's wire name: "borda", "instantRunoff" or "schulze".</summary>
    public static string MethodName(TallyMethod method) => JsonNamingPolicy.CamelCase.ConvertName(method.ToString());

    /// <summary>Every closed round under every method, and each student's change of mind: for the instructor.</summary>
    public static ComparisonView Comparison(Debate d)
    {
        var rounds = d.Rounds
            .Where(r => r.Result is not null)
            .Select(r => new RoundComparisonView(
                r.Index,
                r.Plan.Title,
                r.Plan.Kind == RoundKind.MotionVote ? [Result(d, r.Result!)] : [.. Tally.Methods.Select(m => Result(d, d.ResultOf(r, m)))]))
            .ToList();
        var changes = d.MindChanges()
            .Select(c => new MindChangeView(c.ParticipantId, d.FindParticipant(c.ParticipantId)!.DisplayName, c.Before, c.After, c.Changed))
            .ToList();
        return new ComparisonView(rounds, changes);
    }

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
        r.Kind switch
        {
            RoundKind.Argument => settings.MaxRankedItems,
            RoundKind.Ranking => r.Options.Count,
            _ => 1,
        },
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
