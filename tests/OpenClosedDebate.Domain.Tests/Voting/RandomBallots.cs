namespace OpenClosedDebate.Domain.Tests.Voting;

/// <summary>Reproducible random elections: a seed gives the same candidates, K and partial ballots every time.</summary>
internal sealed record RandomElection(int Seed, string[] Candidates, int MaxRanked, List<IReadOnlyList<string>> Ballots)
{
    public static RandomElection Make(int seed, int maxCandidates = 8, int maxBallots = 60)
    {
        var random = new Random(seed);
        var candidates = Enumerable.Range(0, random.Next(2, maxCandidates + 1)).Select(i => $"item-{i}").ToArray();
        var maxRanked = random.Next(1, candidates.Length + 1);
        var ballots = new List<IReadOnlyList<string>>();
        for (var b = random.Next(1, maxBallots + 1); b > 0; b--)
        {
            var length = random.Next(1, maxRanked + 1);
            ballots.Add(candidates.OrderBy(_ => random.Next()).Take(length).ToArray());
        }

        return new RandomElection(seed, candidates, maxRanked, ballots);
    }

    /// <summary>The same ballots in another order.</summary>
    public List<IReadOnlyList<string>> Shuffled(int seed)
    {
        var random = new Random(seed);
        return [.. Ballots.OrderBy(_ => random.Next())];
    }

    public override string ToString() => $"seed {Seed}: {Candidates.Length} candidates, K = {MaxRanked}, {Ballots.Count} ballots";
}
