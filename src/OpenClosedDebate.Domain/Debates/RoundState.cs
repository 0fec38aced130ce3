namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Voting;

/// <summary>One round of a running or finished debate: its arguments, ballots and result.</summary>
public sealed class RoundState
{
    private readonly List<Argument> _arguments = [];
    private readonly Dictionary<Guid, Ballot> _ballots = [];
    private readonly Dictionary<Guid, int> _postsBy = [];

    internal RoundState(int index, RoundPlan plan)
    {
        Index = index;
        Plan = plan;
    }

    public int Index { get; }

    public RoundPlan Plan { get; }

    public IReadOnlyList<Argument> Arguments => _arguments;

    /// <summary>Each voter's latest ballot.</summary>
    public IReadOnlyDictionary<Guid, Ballot> Ballots => _ballots;

    /// <summary>Set when voting closes: the result the class saw. It never changes afterwards.</summary>
    public RoundResult? Result { get; internal set; }

    /// <summary>Set when voting closes: the ballots and candidates <see cref="Result"/> counted.</summary>
    public ClosingCount? Counted { get; internal set; }

    /// <summary>The class may see <see cref="Result"/>: at once when voting closes, or once revealed (<see cref="ResultReveal"/>).</summary>
    public bool ResultsRevealed { get; internal set; }

    /// <summary>The furthest phase this round has reached, or null if it has not opened.</summary>
    public Phase? Reached { get; internal set; }

    public bool HasOpened => Reached is not null;

    /// <summary>True once arguments are shown to everyone: voting has opened.</summary>
    public bool ArgumentsRevealed => Reached is Phase.Vote or Phase.Results;

    /// <summary>K: the most items a ballot in this round may rank.</summary>
    public int MaxRanked(DebateSettings settings) => Plan.MaxRanked(settings);

    /// <summary>The items a ballot may rank now, in their tie-break order.</summary>
    public IReadOnlyList<string> Candidates() => Plan.Kind switch
    {
        RoundKind.Argument => _arguments.Where(a => a.IsBallotItem).Select(a => a.ItemId).ToList(),
        RoundKind.Ranking => Enumerable.Range(0, Plan.Options.Count).Select(RoundPlan.OptionItemId).ToList(),
        _ => MotionItems.All,
    };

    public int PostsBy(Guid participantId) => _postsBy.GetValueOrDefault(participantId);

    internal void Add(Argument argument)
    {
        _arguments.Add(argument);
        _postsBy[argument.AuthorId] = PostsBy(argument.AuthorId) + 1;
    }

    internal void Put(Ballot ballot) => _ballots[ballot.ParticipantId] = ballot;

    internal void RemoveBallot(Guid participantId) => _ballots.Remove(participantId);
}
