namespace OpenClosedDebate.Domain.Debates;

/// <summary>How students are put on a side.</summary>
public enum SideAssignmentMode
{
    /// <summary>Each joiner goes to the smaller side; a seeded coin decides a tie.</summary>
    BalancedRandom,

    /// <summary>Open, closed, open, ... by join order.</summary>
    Alternating,

    /// <summary>The instructor places everyone; whoever is left over goes to the smaller side when arguing starts.</summary>
    Manual,

    /// <summary>Each student argues against their pre-debate motion vote.</summary>
    DevilsAdvocate,
}
