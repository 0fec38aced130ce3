namespace OpenClosedDebate.Domain.Debates;

/// <summary>Sizes the rules allow. They bound what one person can make the room store.</summary>
public static class DebateLimits
{
    public const int DisplayNameMaxLength = 40;
    public const int ArgumentMaxLength = 1000;
    public const int ReasonMaxLength = 200;
    public const int RequestIdMaxLength = 64;
    public const int MotionMaxLength = 300;
    public const int TitleMaxLength = 120;
    public const int PromptMaxLength = 2000;
    public const int BriefMaxLength = 1000;
    public const int OptionMaxLength = 120;
    public const int PreReadingMaxItems = 10;
    public const int MaxRounds = 30;
    public const int MinOptions = 2;
    public const int MaxOptions = 12;
    public const int MaxRankedItemsCap = 10;
    public const int ArgumentsPerRoundPerStudent = 10;

    /// <summary>The most arguments one page of a round's arguments carries (<see cref="Debate.PageOfArguments"/>).</summary>
    public const int ArgumentsPerPage = 50;
    public const int MinPhaseSeconds = 10;
    public const int MaxPhaseSeconds = 2 * 60 * 60;
    public const int MinExtensionSeconds = 5;
    public const int MaxExtensionSeconds = 30 * 60;

    /// <summary>How many students a room takes unless the instructor says otherwise: a large class.</summary>
    public const int DefaultCapacity = 150;

    /// <summary>The most students an instructor may let into one room: a very large lecture hall.</summary>
    public const int MaxCapacity = 20_000;
}
