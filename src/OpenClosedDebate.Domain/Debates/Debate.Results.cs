namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Voting;

// Counting ballots, and who may see which argument.
public sealed partial class Debate
{
    /// <summary>
    /// The result of a round from its ballots as they stand. Ballots of removed students do not
    /// count; hidden arguments are not candidates. This is the count made when voting closes, and the live tally.
    /// </summary>
    public RoundResult ResultOf(RoundState round) => ResultOf(round, Plan.Settings.TallyMethod);

    /// <summary>The result of a round from its ballots as they stand, under any method.</summary>
    public RoundResult ResultOf(RoundState round, TallyMethod method)
    {
        var counting = CountingNow(round);
        return Count(round, method, [.. round.Ballots.Values.Where(b => counting.Voters.Contains(b.ParticipantId))], counting.Candidates, PublishedMotion);
    }

    /// <summary>
    /// A closed round counted again under any method, over what its published count counted: the same
    /// ballots and the same candidates as at the close, so moderation since (removing a student, hiding or
    /// restoring an argument) changes nothing, and under the debate's own method this reproduces the
    /// published result. The one exception is a student whose data was removed since: their ballots no
    /// longer exist, so the recount is without them (<see cref="NoteOn"/> says so).
    /// </summary>
    public RoundResult RecountOf(RoundState round, TallyMethod method)
    {
        var counted = round.Counted ?? throw new InvalidOperationException($"Round {round.Index} has not closed, so there is no count to repeat.");
        return Count(round, method, [.. round.Ballots.Values.Where(b => counted.Voters.Contains(b.ParticipantId))], counted.Candidates, RecountedMotion);
    }

    /// <summary>What happened to closed rounds since their counts, for a note beside a recount; over several rounds (a persuasion's two votes), each student once.</summary>
    public RecountNote NoteOn(params IEnumerable<RoundState> rounds)
    {
        var closed = rounds.Where(r => r.Counted is not null).ToList();
        var voters = closed.SelectMany(r => r.Counted!.Voters).Distinct().Select(id => _participants[id]).ToList();
        int hidden = 0, restored = 0, withdrawn = 0;
        foreach (var round in closed)
        {
            var candidates = round.Counted!.Candidates.ToHashSet(StringComparer.Ordinal);
            foreach (var a in round.Arguments)
            {
                var candidate = candidates.Contains(a.ItemId);
                withdrawn += candidate && a.Withdrawn ? 1 : 0;
                hidden += candidate && a.Hidden && !a.Withdrawn ? 1 : 0;
                restored += !candidate && a.IsBallotItem ? 1 : 0;
            }
        }

        return new RecountNote(voters.Count(p => p.Kicked && !p.Erased), hidden, restored, withdrawn, voters.Count(p => p.Erased));
    }

    /// <summary>The persuasion recounted from both motion votes (<see cref="RecountOf"/>), or null until the post-debate vote has closed.</summary>
    public Persuasion? RecountedPersuasion() =>
        Plan.PostDebateVoteIndex() is { } post && post < _rounds.Length && _rounds[post].Counted is not null
            ? RecountOf(_rounds[post], Plan.Settings.TallyMethod).Persuasion
            : null;

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

    /// <summary>
    /// Whether a student (or, when null, the projector) may see an argument now. The instructor sees every one.
    /// A held argument is seen by its author, and by classmates only when it was held from the projector alone.
    /// </summary>
    public bool CanSee(Participant? viewer, Argument argument) =>
        viewer is null ? AudienceOf(argument).Projector : AudienceOf(argument).Includes(viewer.Id == argument.AuthorId, viewer.Side);

    /// <summary>
    /// Whether a student who didn't write it may see an argument now when their side makes no difference (arguments
    /// are shown to everyone, or voting has opened): the list every student's snapshot shares.
    /// </summary>
    public bool CanClassmateSee(Argument argument) => AudienceOf(argument).Students;

    /// <summary>
    /// Who may see an argument now: the one place that decides it. A hidden argument is the instructor's alone. A held
    /// one is its author's, and its classmates' too when it was held from the projector alone. Once its round's
    /// voting has opened (or the debate has finished) every student sees it, otherwise the debate's visibility says.
    /// </summary>
    public ArgumentAudience AudienceOf(Argument argument)
    {
        if (argument.Hidden)
        {
            return ArgumentAudience.Nobody;
        }

        var shown = Status == DebateStatus.Finished || _rounds[argument.RoundIndex].ArgumentsRevealed
            ? new ArgumentAudience(Projector: true, Students: true, Side: null, Author: true)
            : Plan.Settings.Visibility switch
            {
                ArgumentVisibility.Everyone => new ArgumentAudience(Projector: true, Students: true, Side: null, Author: true),
                ArgumentVisibility.OwnSide => new ArgumentAudience(Projector: false, Students: false, Side: argument.Side, Author: false),
                _ => new ArgumentAudience(Projector: false, Students: false, Side: null, Author: true),
            };
        return argument.Held switch
        {
            null => shown,
            Hold.BeforeProjector => shown with { Projector = false, Author = true },
            _ => new ArgumentAudience(Projector: false, Students: false, Side: null, Author: true),
        };
    }

    /// <summary>
    /// The round whose arguments <paramref name="e"/>, just applied, showed to the whole class where the debate's
    /// visibility had kept them from some of it: its voting opening, or the debate finishing before it did. Null when
    /// the event changed no one's view, as when every argument was shown to everyone from the start.
    /// </summary>
    public int? RoundRevealedBy(DebateEvent e) => Plan.Settings.Visibility == ArgumentVisibility.Everyone ? null : e switch
    {
        PhaseStarted { Phase: Phase.Vote } p => p.RoundIndex,
        DebateFinished => RoundIndex,
        _ => null,
    };

    /// <summary>Whether a student's side decides which arguments they see now: sides kept apart while a round is argued.</summary>
    public bool SideDecidesWhatIsSeen => Plan.Settings.Visibility == ArgumentVisibility.OwnSide && CurrentPhase == Phase.Argue;

    /// <summary>Whether a round's results go to the class as soon as it closes, rather than when the instructor reveals them.</summary>
    public bool ResultsShownAtClose => Plan.Settings.RevealResults == ResultReveal.AtOnce;

    /// <summary>The name classmates and the projector see for a student: the pseudonym in an anonymous debate or while the name is held.</summary>
    public string NameShownToClass(Participant p) => Plan.Settings.Anonymous || p.NameHeld ? p.Pseudonym : p.DisplayName;

    /// <summary>
    /// Whether a student's ballot counts in the round: in the count made at its close once it has closed (a student
    /// kicked afterwards still counts there), before that in a count made now (a kicked student's doesn't).
    /// </summary>
    public bool BallotCounts(RoundState round, Guid participantId) =>
        round.Ballots.ContainsKey(participantId) && (round.Counted is { } counted ? counted.Voters.Contains(participantId) : CountsNow(participantId));

    /// <summary>Whose ballots would count and which items are candidates if the round were counted now.</summary>
    private ClosingCount CountingNow(RoundState round) => new(
        round.Ballots.Keys.Where(CountsNow).ToHashSet(),
        round.Candidates());

    private bool CountsNow(Guid participantId) => !_participants[participantId].Kicked;

    private RoundResult Count(RoundState round, TallyMethod method, List<Ballot> ballots, IReadOnlyList<string> candidates, Func<int, MotionTally?> motionOf)
    {
        var rankings = ballots.Select(b => b.Ranking);
        var max = round.MaxRanked(Plan.Settings);
        switch (round.Plan.Kind)
        {
            case RoundKind.MotionVote:
                var motion = MotionTally.Count(ballots.Select(b => MotionItems.Parse(b.Ranking[0])!.Value));
                return new RoundResult(round.Index, round.Plan.Kind, ballots.Count, null, null, motion, PersuasionAt(round.Index, motion, motionOf));
            case RoundKind.Ranking:
                return new RoundResult(round.Index, round.Plan.Kind, ballots.Count, Tally.Rank(method, candidates, rankings, max), null, null, null);
            default:
                var chosen = Tally.Rank(method, candidates, rankings, max);
                var borda = method == TallyMethod.Borda ? chosen : Borda.Tally(candidates, rankings, max);
                var sideOf = round.Arguments.ToDictionary(a => a.ItemId, a => a.Side);
                return new RoundResult(round.Index, round.Plan.Kind, ballots.Count, chosen, SideScore.FromBorda(borda, sideOf), null, null);
        }
    }

    private MotionTally? PublishedMotion(int roundIndex) => _rounds[roundIndex].Result?.Motion;

    private MotionTally? RecountedMotion(int roundIndex) =>
        _rounds[roundIndex].Counted is null ? null : RecountOf(_rounds[roundIndex], Plan.Settings.TallyMethod).Motion;

    private Persuasion? PersuasionAt(int roundIndex, MotionTally after, Func<int, MotionTally?> motionOf)
    {
        if (roundIndex != Plan.PostDebateVoteIndex() || Plan.PreDebateVoteIndex() is not { } pre)
        {
            return null;
        }

        return motionOf(pre) is { } before ? Persuasion.Between(before, after) : null;
    }
}
