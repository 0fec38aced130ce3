namespace OpenClosedDebate.Domain.Debates;

/// <summary>A student's stance on the motion in a motion-vote round.</summary>
public enum MotionChoice
{
    For,
    Against,
    Undecided,
}

/// <summary>The ballot item ids of a motion-vote round.</summary>
public static class MotionItems
{
    public const string For = "for";
    public const string Against = "against";
    public const string Undecided = "undecided";

    public static readonly IReadOnlyList<string> All = [For, Against, Undecided];

    public static MotionChoice? Parse(string itemId) => itemId switch
    {
        For => MotionChoice.For,
        Against => MotionChoice.Against,
        Undecided => MotionChoice.Undecided,
        _ => null,
    };
}
