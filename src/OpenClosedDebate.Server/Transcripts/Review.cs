namespace OpenClosedDebate.Server.Transcripts;

using System.Text.RegularExpressions;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Rooms;

/// <summary>Builds the instructor's review of a debate from its live state and its history.</summary>
internal static partial class Review
{
    public const string Format = "open-closed-debate/review@1";

    /// <param name="d">The debate, read under its room's gate.</param>
    /// <param name="history">Its events, in order.</param>
    /// <param name="shared">Use pseudonyms for every student: the version to share with the class.</param>
    public static ReviewView Build(Debate d, IReadOnlyList<DebateEvent> history, bool shared)
    {
        string Name(Guid id) => d.FindParticipant(id) is { } p ? (shared ? p.Pseudonym : p.DisplayName) : "A student";
        var persuasion = d.RecountedPersuasion();
        var motionVotes = new[] { d.Plan.PreDebateVoteIndex(), d.Plan.PostDebateVoteIndex() }.OfType<int>().Where(i => i < d.Rounds.Count).Select(i => d.Rounds[i]);
        return new ReviewView(
            Format,
            shared,
            new ReviewDebateView(
                d.Id, d.JoinCode, d.Plan.Motion, d.Status, d.CreatedAt, d.StartedAt, d.FinishedAt,
                d.Participants.Count(p => !p.Erased), d.Plan.Settings.TallyMethod, d.Plan.PreReading),
            persuasion is null ? null : RoomViews.Persuasion(persuasion),
            persuasion is null ? null : RoomViews.RecountNote(d.NoteOn(motionVotes)),
            [.. d.Plan.Rounds.Select((plan, index) => Round(d, plan, index, Name))],
            Participation(d, Name),
            Timeline.Of(d, history, Name, shared));
    }

    public static int Words(string text) => WordPattern().Count(text);

    private static ReviewRoundView Round(Debate d, RoundPlan plan, int index, Func<Guid, string> name)
    {
        var state = index < d.Rounds.Count ? d.Rounds[index] : null;
        var view = RoomViews.Debate(d).Rounds[index];
        var arguments = state?.Arguments ?? [];
        var replies = arguments.Where(a => a.ReplyToId is not null).ToLookup(a => a.ReplyToId!.Value);
        ReviewArgumentView Thread(Argument a) => new(
            a.Id, a.Side, a.AuthorId, name(a.AuthorId), a.Text, Words(a.Text), a.PostedAt, a.ReplyToId,
            a.Hidden && !a.Withdrawn, a.HiddenReason, a.Withdrawn, [.. replies[a.Id].Select(Thread)]);
        var known = arguments.Select(a => a.Id).ToHashSet();
        var roots = arguments.Where(a => a.ReplyToId is not { } to || !known.Contains(to)).ToList();
        return new ReviewRoundView(
            index,
            plan.Title,
            plan.Kind,
            plan.Prompt,
            plan.OpenBrief,
            plan.ClosedBrief,
            view.Scenario,
            view.Options,
            [.. roots.Where(a => a.Side == Side.Open).Select(Thread)],
            [.. roots.Where(a => a.Side == Side.Closed).Select(Thread)],
            [.. (state?.Ballots.Values ?? []).OrderBy(b => b.CastAt).Select(b => new ReviewBallotView(
                b.ParticipantId, name(b.ParticipantId), b.Ranking, b.Revision, b.Receipt, b.CastAt, d.FindParticipant(b.ParticipantId) is { Kicked: true }, d.BallotCounts(state!, b.ParticipantId)))],
            state?.Counted is null ? [] : [.. RoomViews.Recounts(d, state, MethodsOwnFirst(d))],
            state?.Counted is null ? null : RoomViews.RecountNote(d.NoteOn(state)));
    }

    /// <summary>The debate's method first (its count is the one the class saw), then the others.</summary>
    private static IEnumerable<TallyMethod> MethodsOwnFirst(Debate d) =>
        Tally.Methods.OrderBy(m => m == d.Plan.Settings.TallyMethod ? 0 : 1);

    private static List<ParticipationView> Participation(Debate d, Func<Guid, string> name)
    {
        var minds = d.MindChanges().ToDictionary(c => c.ParticipantId);
        var arguments = d.Rounds.SelectMany(r => r.Arguments).ToLookup(a => a.AuthorId);
        return [.. d.Participants.Select(p =>
        {
            var mine = arguments[p.Id].ToList();
            var ballots = d.Rounds.Select(r => r.Ballots.GetValueOrDefault(p.Id)).OfType<Ballot>().ToList();
            var sides = mine.Select(a => a.Side).Concat(p.Side is { } s ? [s] : []).Distinct().Order().ToList();
            var mind = minds.GetValueOrDefault(p.Id);
            return new ParticipationView(
                p.Id,
                name(p.Id),
                p.Erased ? "erased" : p.Kicked ? "removed" : p.Left ? "left" : "in the room",
                sides,
                mine.Count(a => !a.IsRebuttal),
                mine.Count(a => a.IsRebuttal),
                mine.Sum(a => Words(a.Text)),
                ballots.Count,
                ballots.Sum(b => b.Revision - 1),
                mind?.Before,
                mind?.After,
                mind?.Changed ?? false);
        })];
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();
}
