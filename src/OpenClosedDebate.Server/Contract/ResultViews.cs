namespace OpenClosedDebate.Server.Contract;

using OpenClosedDebate.Domain.Debates;

/// <summary>A round's result. Which parts are set depends on the round's kind.</summary>
public sealed record ResultView(
    int RoundIndex,
    RoundKind Kind,
    int BallotCount,
    RankingView? Ranking,
    IReadOnlyList<SideScoreView>? Sides,
    MotionView? Motion,
    PersuasionView? Persuasion);

/// <summary>An order of items under one named method.</summary>
public sealed record RankingView(string Method, IReadOnlyList<RankedItemView> Items);

/// <summary>One item's place. <see cref="Label"/> is the option or choice label; argument items carry the argument id.</summary>
public sealed record RankedItemView(string ItemId, string? Label, int Place, int Score, int FirstPreferences, bool TieBroken);

public sealed record SideScoreView(Side Side, int Points, int Arguments, double Share);

public sealed record MotionView(int For, int Against, int Undecided, double ForPercent, double AgainstPercent, double UndecidedPercent);

/// <summary>The change between the pre- and post-debate motion votes; the side that gained more points wins.</summary>
public sealed record PersuasionView(MotionView Before, MotionView After, double ForGain, double AgainstGain, MotionChoice? Winner);
