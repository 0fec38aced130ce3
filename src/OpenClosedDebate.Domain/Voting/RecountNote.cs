namespace OpenClosedDebate.Domain.Voting;

/// <summary>
/// What happened to a closed round after its count that a reader of a recount would otherwise wonder
/// about. Recounts count the ballots and candidates of the close (see <see cref="Debates.ClosingCount"/>),
/// so moderation after the close changes nothing; only <see cref="ErasedStudents"/> changes a recount.
/// </summary>
/// <param name="RemovedStudents">Students whose ballots counted and who were removed (kicked) since; their ballots still count.</param>
/// <param name="HiddenArguments">Candidates hidden since; they are still counted.</param>
/// <param name="RestoredArguments">Arguments hidden at the close and restored since; they are still not candidates.</param>
/// <param name="WithdrawnArguments">Candidates withdrawn since, when their author's data was removed; they are still counted.</param>
/// <param name="ErasedStudents">Students whose ballots counted and whose data was removed since: their ballots no longer exist, so the recount is without them.</param>
public sealed record RecountNote(int RemovedStudents, int HiddenArguments, int RestoredArguments, int WithdrawnArguments, int ErasedStudents)
{
    public static RecountNote None { get; } = new(0, 0, 0, 0, 0);

    /// <summary>Nothing to say: the round is as it was at the close.</summary>
    public bool IsEmpty => this == None;

    /// <summary>True when the recount counts fewer ballots than the published result did.</summary>
    public bool Recounted => ErasedStudents > 0;
}
