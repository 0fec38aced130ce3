namespace OpenClosedDebate.Benchmarks;

using BenchmarkDotNet.Attributes;
using OpenClosedDebate.Domain.Voting;

/// <summary>
/// A lecture hall's round: 2,000 ballots ranking K = 5 of 4,000 arguments, under each method.
/// Ballots pick uniformly at random (the worst case for instant-runoff, which then has the most
/// items with votes) or with a few popular arguments (closer to a real class).
/// </summary>
[MemoryDiagnoser]
public class TallyBenchmarks
{
    private const int MaxRanked = 5;
    private string[] _candidates = [];
    private List<IReadOnlyList<string>> _ballots = [];

    [Params(4000)]
    public int Arguments { get; set; }

    [Params(2000)]
    public int Ballots { get; set; }

    [Params("uniform", "popular")]
    public string Spread { get; set; } = "uniform";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261126);
        _candidates = [.. Enumerable.Range(0, Arguments).Select(_ => Guid.NewGuid().ToString())];
        _ballots = [];
        for (var b = 0; b < Ballots; b++)
        {
            var picked = new HashSet<string>();
            while (picked.Count < MaxRanked)
            {
                // "popular": a power law, so a few arguments collect most rankings.
                var i = Spread == "uniform" ? random.Next(Arguments) : (int)(Arguments * Math.Pow(random.NextDouble(), 3));
                picked.Add(_candidates[i]);
            }

            _ballots.Add([.. picked]);
        }
    }

    [Benchmark(Baseline = true)]
    public RankingResult Borda() => Tally.Rank(TallyMethod.Borda, _candidates, _ballots, MaxRanked);

    [Benchmark]
    public RankingResult InstantRunoff() => Tally.Rank(TallyMethod.InstantRunoff, _candidates, _ballots, MaxRanked);

    [Benchmark]
    public RankingResult Schulze() => Tally.Rank(TallyMethod.Schulze, _candidates, _ballots, MaxRanked);

    /// <summary>What a review costs: the same round under all three methods.</summary>
    [Benchmark]
    public int AllThree() => Tally.Methods.Sum(m => Tally.Rank(m, _candidates, _ballots, MaxRanked).Items.Count);
}
