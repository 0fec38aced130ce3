namespace OpenClosedDebate.Domain.Debates;

using OpenClosedDebate.Domain.Voting;

/// <summary>How a debate is run. The defaults suit a class of thirty arguing live.</summary>
public sealed record DebateSettings
{
    public SideAssignmentMode SideAssignment { get; init; } = SideAssignmentMode.BalancedRandom;

    public ArgumentVisibility Visibility { get; init; } = ArgumentVisibility.Everyone;

    public TallyMethod TallyMethod { get; init; } = TallyMethod.Borda;

    /// <summary>K: how many arguments a ballot may rank in an argument round.</summary>
    public int MaxRankedItems { get; init; } = 3;

    public bool AllowRankingOwnArgument { get; init; }

    /// <summary>Everyone changes side at the start of each argument round after the first.</summary>
    public bool SwapSidesEachRound { get; init; }

    /// <summary>Students see pseudonyms for each other; the instructor always sees real names.</summary>
    public bool Anonymous { get; init; }

    /// <summary>Whether the class sees each result when voting closes or when the instructor reveals it.</summary>
    public ResultReveal RevealResults { get; init; } = ResultReveal.AtOnce;
}
