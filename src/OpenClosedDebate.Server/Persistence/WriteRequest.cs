namespace OpenClosedDebate.Server.Persistence;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Who wrote a request, as the writer needs to know them: the debate, whether a request of an epoch may still be
/// committed, and what to call, on the writer's own thread and in commit order, when a commit fails or succeeds. Being
/// told synchronously is what keeps a room from committing past a failed write (it is poisoned before the writer
/// takes its next request), so these are calls, not continuations of <see cref="WriteRequest.Done"/>.
/// </summary>
internal sealed record WriteAuthor(Guid DebateId, Func<int, bool> IsStale, Action<int> Failed, Action<IReadOnlyList<DebateEvent>> Committed);

/// <summary>A room's new events, and the summary of the debate after them, waiting to be committed.</summary>
internal sealed class WriteRequest(WriteAuthor author, int epoch, IReadOnlyList<DebateEvent> events, DebateSummary summary)
{
    public WriteAuthor Author { get; } = author;

    /// <summary>The room's epoch when the events were made; a reload after a failed commit starts a new one.</summary>
    public int Epoch { get; } = epoch;

    public IReadOnlyList<DebateEvent> Events { get; } = events;

    public DebateSummary Summary { get; } = summary;

    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>What the debates list needs to know, taken from the live debate.</summary>
internal sealed record DebateSummary(
    string Motion,
    DebateStatus Status,
    int ParticipantCount,
    long Version,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt)
{
    public static DebateSummary Of(Debate debate, DateTimeOffset now) => new(
        debate.Plan.Motion,
        debate.Status,
        debate.Participants.Count,
        debate.Version,
        now,
        debate.StartedAt,
        debate.FinishedAt);

    public void CopyTo(DebateRecord record)
    {
        record.Motion = Motion;
        record.Status = Status;
        record.ParticipantCount = ParticipantCount;
        record.Version = Version;
        record.UpdatedAt = UpdatedAt;
        record.StartedAt = StartedAt;
        record.FinishedAt = FinishedAt;
    }
}
