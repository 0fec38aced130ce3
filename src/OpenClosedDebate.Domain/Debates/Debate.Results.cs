namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Voting;

// Counting ballots, and who may see which argument.
public sealed partial class Debate
{
    /// <summary>
    /// The result of a round from its ballots as they stand. Ballots of removed students do not
    /// count; hidden arguments are not candidates.
    /// </summary>
    public RoundResult ResultOf(RoundState round) => ResultOf(round, Plan.Settings.TallyMethod);

    /// <summary>The result of a round under any method, e.g. to compare methods in a review.</summary>
    public RoundResult ResultOf(RoundState round, TallyMethod method)
    {
        var settings = Plan.Settings;
        var ballots = round.Ballots.Values.Where(b => !_participants[b.ParticipantId].Kicked).ToList();
        var rankings = ballots.Select(b => b.Ranking);
        switch (round.Plan.Kind)
        {
            case RoundKind.MotionVote:
                var motion = MotionTally.Count(ballots.Select(b => MotionItems.Parse(b.Ranking[0])!.Value));
                return new RoundResult(round.Index, round.Plan.Kind, ballots.Count, null, null, motion, PersuasionAt(round.Index, motion));
            case RoundKind.Ranking:
                var ranking = Tally.Rank(method, round.Candidates(), rankings, round.MaxRanked(settings));
                return new RoundResult(round.Index, round.Plan.Kind, ballots.Count, ranking, null, null, null);
            default:
                var candidates = round.Candidates();
                var max = round.MaxRanked(settings);
                var chosen = Tally.Rank(method, candidates, rankings, max);
                var borda = method == TallyMethod.Borda ? chosen : Borda.Tally(candidates, rankings, max);
                var sideOf = round.Arguments.Where(a => !a.Hidden).ToDictionary(a => a.ItemId, a => a.Side);
                return new RoundResult(round.Index, round.Plan.Kind, ballots.Count, chosen, SideScore.FromBorda(borda, sideOf), null, null);
        }
    }

    /// <summary>
    /// Each student's stance in the pre-debate and post-debate motion votes (null where they didn't
    /// vote), for the instructor. Empty until the plan has both votes.
    /// </summary>
    public IReadOnlyList<MindChange> MindChanges()
    {
        if (Plan.PreDebateVoteIndex() is not { } pre || Plan.PostDebateVoteIndex() is not { } post || _rounds.Length == 0)
        {
            return [];
        }

        MotionChoice? Stance(int round, Guid id) =>
            _rounds[round].Ballots.TryGetValue(id, out var b) ? MotionItems.Parse(b.Ranking[0]) : null;

        return [.. _roster.Select(p => new MindChange(p.Id, Stance(pre, p.Id), Stance(post, p.Id)))];
    }

    /// <summary>Whether a student (or, when null, the projector) may see an argument now.</summary>
    public bool CanSee(Participant? viewer, Argument argument)
    {
        if (argument.Hidden)
        {
            return false;
        }

        if (Status == DebateStatus.Finished || _rounds[argument.RoundIndex].ArgumentsRevealed)
        {
            return true;
        }

        return Plan.Settings.Visibility switch
        {
            ArgumentVisibility.Everyone => true,
            ArgumentVisibility.OwnSide => viewer?.Side == argument.Side,
            _ => viewer?.Id == argument.AuthorId,
        };
    }

    private Persuasion? PersuasionAt(int roundIndex, MotionTally after)
    {
        if (roundIndex != Plan.PostDebateVoteIndex() || Plan.PreDebateVoteIndex() is not { } pre)
        {
            return null;
        }

        var before = _rounds[pre].Result?.Motion;
        return before is null ? null : Persuasion.Between(before, after);
    }
}
