namespace OpenClosedDebate.Domain.Debates;

/// <summary>One round as the instructor prepared it.</summary>
public sealed record RoundPlan
{
    public required string Title { get; init; }

    public required string Prompt { get; init; }

    public required RoundKind Kind { get; init; }

    /// <summary>What the open side argues in this round (argument rounds).</summary>
    public string? OpenBrief { get; init; }

    /// <summary>What the closed side argues in this round (argument rounds).</summary>
    public string? ClosedBrief { get; init; }

    public OpennessScenario? Scenario { get; init; }

    /// <summary>Length of the argue phase; argument rounds only.</summary>
    public int ArgueSeconds { get; init; } = 300;

    public int VoteSeconds { get; init; } = 90;

    /// <summary>Length of the results phase, or null to hold results until the instructor moves on.</summary>
    public int? ResultsSeconds { get; init; }

    /// <summary>The fixed options of a ranking round.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];

    public Phase FirstPhase() => Kind == RoundKind.Argument ? Phase.Argue : Phase.Vote;

    public TimeSpan? DurationOf(Phase phase) => phase switch
    {
        Phase.Argue => TimeSpan.FromSeconds(ArgueSeconds),
        Phase.Vote => TimeSpan.FromSeconds(VoteSeconds),
        Phase.Results => ResultsSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, null),
    };

    /// <summary>The ballot item id of option <paramref name="index"/> (zero-based) of a ranking round.</summary>
    public static string OptionItemId(int index) => $"option-{index + 1}";

    /// <summary>K: the most items a ballot in this round may rank (the one place this is decided).</summary>
    public int MaxRanked(DebateSettings settings) => Kind switch
    {
        RoundKind.Argument => settings.MaxRankedItems,
        RoundKind.Ranking => Options.Count,
        _ => 1,
    };
}
