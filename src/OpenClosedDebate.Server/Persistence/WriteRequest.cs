namespace OpenClosedDebate.Server.Persistence;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// Who wrote a request, as the writer needs to know them: the debate, whether a request of an epoch may still be
/// committed, and what to call, on the writer's own thread and in commit order, when a commit fails, is fenced or
/// succeeds. Being told synchronously is what keeps a room from committing past a failed write (it is poisoned before
/// the writer takes its next request), so these are calls, not continuations of <see cref="WriteRequest.Done"/>.
/// <para>
/// <c>Fenced</c> is called instead of <c>Failed</c> when a commit of an epoch failed because the debate's next sequence
/// numbers were already stored: another copy of the room (a stale one, during a change of the cluster's members)
/// wrote first. The request fails with <see cref="OvertakenException"/>; the room reloads and may run its command
/// again. <c>WasFenced</c> says whether an epoch was, so that the stale requests queued behind a fenced one fail the
/// same way; the writer asks it in order, on its own thread, so the answer is exact.
/// </para>
/// </summary>
internal sealed record WriteAuthor(Guid DebateId, Func<int, bool> IsStale, Action<int> Failed, Action<int> Fenced, Func<int, bool> WasFenced, Action<IReadOnlyList<DebateEvent>> Committed)
{
    /// <summary>A writer with no room behind it: a debate being created.</summary>
    public static WriteAuthor Nobody(Guid debateId) => new(debateId, _ => false, _ => { }, _ => { }, _ => false, _ => { });
}

/// <summary>
/// What the writer commits, every way events reach the table: a room's new events (<see cref="Append"/>, batched
/// with other rooms'), a new debate with its first events (<see cref="Create"/>), and a student's erasure with the
/// rewrite of their earlier events (<see cref="Erase"/>). The last two are committed on their own, so a join code
/// that clashes or an erase that fails changes nothing for anyone else.
/// </summary>
internal sealed class WriteRequest
{
    private WriteRequest(WriteAuthor author, int epoch, IReadOnlyList<DebateEvent> events, DebateSummary summary, DebateRecord? newDebate, ParticipantErased? erased)
    {
        (Author, Epoch, Events, Summary, NewDebate, Erased) = (author, epoch, events, summary, newDebate, erased);
    }

    /// <summary>A room's new events, and the summary of the debate after them.</summary>
    public static WriteRequest Append(WriteAuthor author, int epoch, IReadOnlyList<DebateEvent> events, DebateSummary summary) =>
        new(author, epoch, events, summary, null, null);

    /// <summary>A new debate's row with its first events. A clashing join code fails it with the database's own error.</summary>
    public static WriteRequest Create(DebateRecord row, IReadOnlyList<DebateEvent> events, DebateSummary summary) =>
        new(WriteAuthor.Nobody(row.Id), 0, events, summary, row, null);

    /// <summary>A student's erasure, stored with their earlier events rewritten without their words (<see cref="Redaction"/>).</summary>
    public static WriteRequest Erase(WriteAuthor author, int epoch, ParticipantErased erased, DebateSummary summary) =>
        new(author, epoch, [erased], summary, null, erased);

    /// <summary>Committed in a transaction of its own.</summary>
    public bool Alone => NewDebate is not null || Erased is not null;

    public DebateRecord? NewDebate { get; }

    public ParticipantErased? Erased { get; }

    public WriteAuthor Author { get; }

    /// <summary>The room's epoch when the events were made; a reload after a failed commit starts a new one.</summary>
    public int Epoch { get; }

    public IReadOnlyList<DebateEvent> Events { get; }

    public DebateSummary Summary { get; }

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
