namespace OpenClosedDebate.Domain.Debates;

/// <summary>Which arguments a student sees while the argue phase is open. From the vote on, everyone sees every visible argument.</summary>
public enum ArgumentVisibility
{
    /// <summary>Both sides' arguments, live. Needed for rebuttals.</summary>
    Everyone,

    /// <summary>Only their own side's arguments until voting opens.</summary>
    OwnSide,

    /// <summary>Only their own arguments until voting opens.</summary>
    OwnOnly,
}
