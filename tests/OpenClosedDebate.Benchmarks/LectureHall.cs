namespace OpenClosedDebate.Benchmarks;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A live debate of 2,000 students, built only through the domain's own moves, as a room would.
/// Its clock starts at a fixed instant and moves one second a move, so every phase (two hours
/// long) is still open when a benchmark acts at <see cref="Now"/>.
/// </summary>
internal sealed class LectureHall
{
    public const int Students = 2000;
    public const int MaxRanked = 5;

    private static readonly string[] Words = ["open", "closed", "weights", "research", "safety", "audit", "model", "data", "release", "risk", "benefit", "lab", "public", "reproduce", "misuse"];

    private readonly Random _random = new(20261126);
    private readonly Guid[] _students;

    /// <summary>Opens the lobby, lets 2,000 students join and starts round 0 of <paramref name="rounds"/> argument rounds.</summary>
    public LectureHall(int rounds)
    {
        var plan = new DebatePlan
        {
            Motion = "Models should be open.",
            Settings = new DebateSettings { MaxRankedItems = MaxRanked },
            Rounds = [.. Enumerable.Range(1, rounds).Select(i => new RoundPlan
            {
                Title = $"Round {i}",
                Prompt = "Argue.",
                Kind = RoundKind.Argument,
                ArgueSeconds = DebateLimits.MaxPhaseSeconds,
                VoteSeconds = DebateLimits.MaxPhaseSeconds,
            })],
        };
        Debate = Debate.Create(Guid.NewGuid(), "HALL23", plan, seed: 7, Now).Debate;
        Debate.OpenLobby(Tick());
        _students = [.. Enumerable.Range(0, Students).Select(_ => Guid.NewGuid())];
        for (var i = 0; i < Students; i++)
        {
            Debate.Join(_students[i], $"Student {i + 1}", $"token-{i}", Tick());
        }

        Debate.Start(Tick());
    }

    public Debate Debate { get; }

    public DateTimeOffset Now { get; private set; } = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<Guid> StudentIds => _students;

    /// <summary>Posts <paramref name="count"/> arguments of 30 to 90 words in the current round, by students in turn from <paramref name="firstAuthor"/>.</summary>
    public LectureHall Argue(int count, int firstAuthor = 0)
    {
        for (var i = 0; i < count; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, 30 + _random.Next(60)).Select(_ => Words[_random.Next(Words.Length)]));
            Debate.PostArgument(_students[(firstAuthor + i) % Students], $"arg-{Debate.Version}", Guid.NewGuid(), text, null, Tick());
        }

        return this;
    }

    /// <summary>Every student casts a ballot in the current round.</summary>
    public LectureHall VoteAll()
    {
        foreach (var id in _students)
        {
            Debate.CastBallot(id, $"ballot-{Debate.Version}", Debate.RoundIndex!.Value, Ranking(id), Tick());
        }

        return this;
    }

    /// <summary>Moves to the next phase, as the instructor's Skip does.</summary>
    public LectureHall Skip()
    {
        Debate.Skip(Tick());
        return this;
    }

    /// <summary>
    /// <see cref="MaxRanked"/> arguments of the current round that <paramref name="voter"/> did not write,
    /// picked so that a few popular arguments collect most rankings, as in a real class.
    /// </summary>
    public string[] Ranking(Guid voter)
    {
        var candidates = Debate.CurrentRound!.Arguments;
        var picked = new HashSet<string>(StringComparer.Ordinal);
        while (picked.Count < MaxRanked)
        {
            var argument = candidates[(int)(candidates.Count * Math.Pow(_random.NextDouble(), 3))];
            if (argument.AuthorId != voter)
            {
                picked.Add(argument.ItemId);
            }
        }

        return [.. picked];
    }

    private DateTimeOffset Tick() => Now = Now.AddSeconds(1);
}
