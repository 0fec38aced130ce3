namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using SidesSwappedEvent = OpenClosedDebate.Server.Contract.SidesSwapped;

/// <summary>
/// What a client knows, built only from snapshots and updates the way the browser's reducer does:
/// a snapshot replaces everything; an event at or below the snapshot's version is already in it.
/// </summary>
public sealed class ClientView
{
    public long Version { get; private set; }

    public Audience? Audience { get; private set; }

    public DebateView? Debate { get; private set; }

    public ClockView? Clock { get; private set; }

    public CountsView? Counts { get; private set; }

    public bool Locked { get; private set; }

    public YouView? You { get; private set; }

    public ResultView? Tally { get; private set; }

    public string? RemovedMessage { get; private set; }

    public Dictionary<Guid, ArgumentView> Arguments { get; } = [];

    public Dictionary<int, ResultView> Results { get; } = [];

    public Dictionary<Guid, ParticipantView> Roster { get; } = [];

    public Dictionary<int, BallotView> Ballots { get; } = [];

    public void Load(RoomSnapshot s)
    {
        Version = s.Version;
        Audience = s.Audience;
        Debate = s.Debate;
        Clock = s.Clock;
        Counts = s.Counts;
        Locked = s.Debate.Locked;
        You = s.You;
        Tally = s.LiveTally;
        Arguments.Clear();
        foreach (var a in s.Arguments)
        {
            Arguments[a.Id] = a;
        }

        Results.Clear();
        foreach (var r in s.Results)
        {
            Results[r.RoundIndex] = r;
        }

        Roster.Clear();
        foreach (var p in s.Roster ?? [])
        {
            Roster[p.Id] = p;
        }

        Ballots.Clear();
        foreach (var b in s.Ballots ?? [])
        {
            Ballots[b.RoundIndex] = b;
        }
    }

    public void Apply(RoomUpdate update)
    {
        foreach (var e in update.Events)
        {
            if (e.Seq <= Version)
            {
                continue;
            }

            Apply(e);
        }
    }

    public void Record(BallotView ballot) => Ballots[ballot.RoundIndex] = ballot;

    private void Apply(RoomEvent e)
    {
        switch (e)
        {
            case ClockChanged c: Clock = c.Clock; break;
            case CountsChanged c: Counts = c.Counts; break;
            case PlanChanged p: Debate = p.Debate; break;
            case LockChanged l: Locked = l.Locked; break;
            case ArgumentUpserted a: Arguments[a.Argument.Id] = a.Argument; break;
            case ArgumentRemoved r: Arguments.Remove(r.ArgumentId); break;
            case AuthorRenamed r:
                foreach (var a in Arguments.Values.Where(a => a.AuthorId == r.AuthorId).ToList())
                {
                    Arguments[a.Id] = a with { AuthorName = r.AuthorName };
                }

                break;
            case ResultsPublished r: Results[r.Result.RoundIndex] = r.Result; break;
            case TallyChanged t: Tally = t.Tally; break;
            case RosterChanged r: Roster[r.Participant.Id] = r.Participant; break;
            case SidesSwappedEvent:
                if (You?.Side is { } side)
                {
                    You = You with { Side = side.Opposite() };
                }

                foreach (var p in Roster.Values.Where(p => p.Side is not null && !p.Kicked && !p.Left).ToList())
                {
                    Roster[p.Id] = p with { Side = p.Side!.Value.Opposite() };
                }

                break;
            case YouChanged y: You = y.You; break;
            case Removed r: RemovedMessage = r.Message; break;
        }
    }
}
