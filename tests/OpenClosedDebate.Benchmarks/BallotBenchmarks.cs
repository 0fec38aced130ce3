namespace OpenClosedDebate.Benchmarks;

using System.Globalization;
using BenchmarkDotNet.Attributes;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// One ballot in a round of 2,000 students who each posted an argument and have voted once: the
/// cost of an accepted revision, and of refusals, which a flood of bad ballots makes the room pay
/// under its lock.
/// </summary>
/// <remarks>
/// No iteration setup is needed. Each accepted call is a new request of the next student in turn,
/// so it is validated and replaces that student's ballot, never a retry answered from the request
/// cache. The debate keeps every accepted request and its event (about 270 bytes a call), as the
/// room's does: some 80 MB over a short run. Two million calls in a row showed no upward drift
/// in the time per call. Refusals change nothing, so one request id serves them all.
/// </remarks>
[MemoryDiagnoser]
public class BallotBenchmarks
{
    private const string RefusedRequest = "refused";

    private LectureHall _hall = null!;
    private string[][] _rankings = [];
    private Guid _voter;
    private string[] _unknownLast = [];
    private string[] _ownLast = [];
    private string[] _tooLong = [];
    private int _next;
    private string _request = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _hall = new LectureHall(rounds: 1).Argue(LectureHall.Students).Skip().VoteAll();
        _rankings = [.. _hall.StudentIds.Select(_hall.Ranking)];

        // The bad item comes last, so a refusal pays for checking every item before it.
        _voter = _hall.StudentIds[0];
        var own = _hall.Debate.CurrentRound!.Arguments.Single(a => a.AuthorId == _voter).ItemId;
        _unknownLast = [.. _rankings[0][..^1], Guid.NewGuid().ToString()];
        _ownLast = [.. _rankings[0][..^1], own];
        _tooLong = [.. _rankings[0], _rankings[1].First(item => !_rankings[0].Contains(item))];
    }

    [Benchmark(Baseline = true)]
    public BallotCast Accepted()
    {
        var student = _next % LectureHall.Students;
        if (student == 0)
        {
            _request = string.Create(CultureInfo.InvariantCulture, $"bench-{_next / LectureHall.Students}");
        }

        _next++;
        return _hall.Debate.CastBallot(_hall.StudentIds[student], _request, 0, _rankings[student], _hall.Now).Accepted;
    }

    [Benchmark]
    public DebateError RefusedUnknownArgument() => Refuse(_unknownLast);

    [Benchmark]
    public DebateError RefusedOwnArgument() => Refuse(_ownLast);

    /// <summary>The cheapest refusal: the ballot's length, checked before any item. What is left is the exception's own cost.</summary>
    [Benchmark]
    public DebateError RefusedTooLong() => Refuse(_tooLong);

    private DebateError Refuse(string[] ranking)
    {
        try
        {
            _hall.Debate.CastBallot(_voter, RefusedRequest, 0, ranking, _hall.Now);
        }
        catch (DebateRuleException e)
        {
            return e.Error;
        }

        throw new InvalidOperationException("The ballot was accepted.");
    }
}
