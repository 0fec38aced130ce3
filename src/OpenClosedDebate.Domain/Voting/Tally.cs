namespace OpenClosedDebate.Domain.Voting;

/// <summary>The one place that maps a <see cref="TallyMethod"/> to its function.</summary>
public static class Tally
{
    public static IReadOnlyList<TallyMethod> Methods { get; } = Enum.GetValues<TallyMethod>();

    public static RankingResult Rank(TallyMethod method, IReadOnlyList<string> candidates, IEnumerable<IReadOnlyList<string>> ballots, int maxRanked) =>
        method switch
        {
            TallyMethod.Borda => Borda.Tally(candidates, ballots, maxRanked),
            TallyMethod.InstantRunoff => InstantRunoff.Tally(candidates, ballots, maxRanked),
            TallyMethod.Schulze => Schulze.Tally(candidates, ballots, maxRanked),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown tally method."),
        };
}
