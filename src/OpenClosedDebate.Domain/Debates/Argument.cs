namespace OpenClosedDebate.Domain.Debates;

/// <summary>An argument, or a rebuttal when <see cref="ReplyToId"/> is set.</summary>
public sealed class Argument
{
    internal Argument(Guid id, int roundIndex, Guid authorId, Side side, string text, Guid? replyToId, DateTimeOffset postedAt, long seq)
    {
        Id = id;
        RoundIndex = roundIndex;
        AuthorId = authorId;
        Side = side;
        Text = text;
        ReplyToId = replyToId;
        PostedAt = postedAt;
        Seq = seq;
    }

    public Guid Id { get; }

    public int RoundIndex { get; }

    public Guid AuthorId { get; }

    /// <summary>The side the author argued for when posting; it does not change if they move later.</summary>
    public Side Side { get; }

    public string Text { get; internal set; }

    /// <summary>Withdrawn when the instructor removed its author's data: the text is gone, the place in the transcript stays.</summary>
    public bool Withdrawn { get; internal set; }

    /// <summary>The argument of the other side this one rebuts.</summary>
    public Guid? ReplyToId { get; }

    public bool IsRebuttal => ReplyToId is not null;

    public DateTimeOffset PostedAt { get; }

    /// <summary>The event sequence number that posted it.</summary>
    public long Seq { get; }

    public bool Hidden { get; internal set; }

    public string? HiddenReason { get; internal set; }

    /// <summary>Waiting for the instructor's approval, and why; null once approved or when it never had to wait.</summary>
    public Hold? Held { get; internal set; }

    /// <summary>Approved after voting on its round had opened: shown, but not a ballot item of that vote.</summary>
    public bool OffBallot { get; internal set; }

    /// <summary>Whether a ballot of its round may rank it: shown, approved, and approved before voting opened.</summary>
    public bool IsBallotItem => !Hidden && Held is null && !OffBallot;

    /// <summary>The ballot item id for this argument.</summary>
    public string ItemId => Id.ToString();
}
