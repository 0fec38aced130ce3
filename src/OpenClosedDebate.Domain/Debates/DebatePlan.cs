namespace OpenClosedDebate.Domain.Debates;

/// <summary>Everything the instructor prepares before a debate starts.</summary>
public sealed record DebatePlan
{
    public required string Motion { get; init; }

    public required IReadOnlyList<RoundPlan> Rounds { get; init; }

    public DebateSettings Settings { get; init; } = new();

    /// <summary>Reading for students before the debate: titles and links.</summary>
    public IReadOnlyList<PreReading> PreReading { get; init; } = [];

    /// <summary>The first motion-vote round that comes before any argument round: the pre-debate vote.</summary>
    public int? PreDebateVoteIndex()
    {
        for (var i = 0; i < Rounds.Count; i++)
        {
            if (Rounds[i].Kind == RoundKind.Argument)
            {
                return null;
            }

            if (Rounds[i].Kind == RoundKind.MotionVote)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The last motion-vote round after the pre-debate vote: the post-debate vote.</summary>
    public int? PostDebateVoteIndex()
    {
        var pre = PreDebateVoteIndex();
        for (var i = Rounds.Count - 1; i >= 0; i--)
        {
            if (Rounds[i].Kind == RoundKind.MotionVote && i != pre)
            {
                return pre is null || i > pre ? i : null;
            }
        }

        return null;
    }
}

/// <summary>A piece of pre-reading.</summary>
public sealed record PreReading(string Title, string Url);
