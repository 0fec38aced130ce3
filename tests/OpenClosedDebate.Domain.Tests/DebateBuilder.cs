namespace OpenClosedDebate.Domain.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>Builds debates at explicit instants for tests. No mocks: the real aggregate, driven by time.</summary>
internal sealed class DebateBuilder
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly List<RoundPlan> _rounds = [];
    private DebateSettings _settings = new();
    private int _seed = 42;

    public DebateBuilder WithSettings(DebateSettings settings)
    {
        _settings = settings;
        return this;
    }

    public DebateBuilder WithSides(SideAssignmentMode mode)
    {
        _settings = _settings with { SideAssignment = mode };
        return this;
    }

    public DebateBuilder WithSeed(int seed)
    {
        _seed = seed;
        return this;
    }

    public DebateBuilder ArgumentRound(int argue = 300, int vote = 90, int? results = null)
    {
        _rounds.Add(new RoundPlan { Title = $"Round {_rounds.Count + 1}", Prompt = "Argue.", Kind = RoundKind.Argument, ArgueSeconds = argue, VoteSeconds = vote, ResultsSeconds = results });
        return this;
    }

    public DebateBuilder RankingRound(params string[] options)
    {
        _rounds.Add(new RoundPlan { Title = $"Round {_rounds.Count + 1}", Prompt = "Rank.", Kind = RoundKind.Ranking, Options = options, VoteSeconds = 60 });
        return this;
    }

    public DebateBuilder MotionVote(int vote = 60, int? results = null)
    {
        _rounds.Add(new RoundPlan { Title = $"Round {_rounds.Count + 1}", Prompt = "Vote.", Kind = RoundKind.MotionVote, VoteSeconds = vote, ResultsSeconds = results });
        return this;
    }

    public DebatePlan Plan() => new() { Motion = "Models should be open.", Rounds = [.. _rounds], Settings = _settings };

    /// <summary>A debate in Draft, created at <see cref="T0"/>.</summary>
    public Debate Draft()
    {
        if (_rounds.Count == 0)
        {
            ArgumentRound();
        }

        return Debate.Create(Guid.NewGuid(), "ABC234", Plan(), _seed, T0).Debate;
    }

    /// <summary>A debate with its lobby open at <see cref="T0"/>.</summary>
    public Debate Lobby()
    {
        var debate = Draft();
        debate.OpenLobby(T0);
        return debate;
    }
}

internal static class DebateTestExtensions
{
    private static int _tokens;

    public static Guid JoinAs(this Debate debate, string name, DateTimeOffset? at = null)
    {
        var id = Guid.NewGuid();
        debate.Join(id, name, $"hash-{Interlocked.Increment(ref _tokens)}", at ?? DebateBuilder.T0);
        return id;
    }

    public static Argument Post(this Debate debate, Guid author, string text, DateTimeOffset at, Guid? replyTo = null)
    {
        var posted = debate.PostArgument(author, Guid.NewGuid().ToString(), Guid.NewGuid(), text, replyTo, at);
        return debate.FindArgument(posted.Accepted.ArgumentId)!;
    }

    public static BallotCast Vote(this Debate debate, Guid voter, DateTimeOffset at, params string[] ranking) =>
        debate.CastBallot(voter, Guid.NewGuid().ToString(), debate.RoundIndex!.Value, ranking, at).Accepted;
}
