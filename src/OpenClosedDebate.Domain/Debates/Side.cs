namespace OpenClosedDebate.Domain.Debates;

/// <summary>The two sides of every debate. The open side argues for the motion.</summary>
public enum Side
{
    Open,
    Closed,
}

public static class SideExtensions
{
    public static Side Opposite(this Side side) => side == Side.Open ? Side.Closed : Side.Open;
}
