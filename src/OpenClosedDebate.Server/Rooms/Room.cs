namespace OpenClosedDebate.Server.Rooms;

using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;

/// <summary>
/// One live debate. Commands run one at a time on the in-memory debate, their events go to the
/// writer, and the caller is answered only after the commit. Broadcasts follow commits. If a commit
/// fails, the room reloads from the database before its next command, so memory never runs ahead of
/// what is stored for long.
/// </summary>
/// <remarks>
/// This file holds the room's state and the commands clients send; the commit pipeline is in
/// <c>Room.Commits.cs</c>, the clock in <c>Room.Clock.cs</c>, erasing, closing and retiring in
/// <c>Room.Lifecycle.cs</c>. Who gets which update is <see cref="RoomProjector"/>'s, and when,
/// <see cref="RoomBroadcaster"/>'s.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The gate never exposes a wait handle, so it holds nothing to dispose, and the broadcaster's heartbeats stop when the room closes or retires.")]
internal sealed partial class Room
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<(long UpTo, Task Done)> _pending = new();
    private readonly RoomServices _services;
    private readonly RoomBroadcaster _broadcaster;
    private readonly WriteAuthor _author;
    private readonly JoinPacer _pacer;
    private readonly Snapshots _snapshots;
    private readonly RoomFeed _feed = new();
    private readonly Dictionary<string, object> _logScope;
    private readonly ILogger _log;
    private Debate _debate;
    private int _epoch;
    private int _poisonedEpoch = -1;
    private int _fencedEpoch = -1;
    private long _committed;
    private ITimer? _timer;
    private DateTimeOffset? _armedFor;
    private bool _closed;
    private DateTimeOffset _lastUsed;

    public Room(Debate debate, Guid ownerId, RoomServices services)
    {
        _debate = debate;
        _services = services;
        _log = services.Log;
        _committed = debate.Version;
        Id = debate.Id;
        OwnerId = ownerId;
        JoinCode = debate.JoinCode;
        _logScope = new() { ["DebateId"] = Id, ["JoinCode"] = JoinCode };
        _pacer = new JoinPacer(services.Options, services.Time);
        _snapshots = new Snapshots(services.Options.SnapshotArgumentsPerSide, _feed);
        _broadcaster = new RoomBroadcaster(this, services.Clients, services.Groups, services.Time, services.Options.BroadcastInterval, services.Options.HeartbeatInterval, services.Log);
        _author = new WriteAuthor(Id, IsStale, OnWriteFailed, OnFenced, e => Volatile.Read(ref _fencedEpoch) == e, OnCommitted);
        _lastUsed = services.Time.GetUtcNow();
    }

    public Guid Id { get; }

    public Guid OwnerId { get; }

    public string JoinCode { get; }

    public RoomPresence Presence { get; } = new();

    /// <summary>The last version stored.</summary>
    public long CommittedVersion => Volatile.Read(ref _committed);

    /// <summary>Whether the debate is in a lobby or under way, read without the gate (a status is one word).</summary>
    public bool IsLive => Volatile.Read(ref _debate).Status is DebateStatus.Lobby or DebateStatus.Running;

    /// <summary>The numbering of this room's group broadcasts.</summary>
    public RoomFeed Feed => _feed;


    /// <summary>Arms the clock; a deadline that passed while the room was unloaded fires at once.</summary>
    public Task StartAsync()
    {
        _broadcaster.StartHeartbeats();
        return ExecuteAsync((_, _) => new Step<bool>(true, []), rearm: true);
    }

    /// <summary>
    /// A student joins on a connection, which is counted in the room before the snapshot is taken. A join
    /// with a secret that already made a participant is a retry and returns that participant. Joins take
    /// turns (<see cref="JoinPacer"/>); <paramref name="bound"/> is the student the connection already
    /// speaks for, if any: it can only retry that join, not become someone else.
    /// </summary>
    public async Task<JoinResult> JoinAsync(JoinRequest request, RoomConnection connection, Guid? bound)
    {
        var capacity = Volatile.Read(ref _debate).Capacity;
        var wait = _pacer.Reserve(capacity, out var retryAfter);
        if (wait is not { } turn)
        {
            _broadcaster.JoinsChanged();
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            throw new HubException($"roomBusy: Many students are joining at once. Try again in {seconds} {(seconds == 1 ? "second" : "seconds")}.");
        }

        if (turn > TimeSpan.Zero)
        {
            // The wait is on the clock before the instructor hears of it, so whoever sees the news can move time on.
            var waiting = Task.Delay(turn, _services.Time);
            _broadcaster.JoinsChanged();
            await waiting;
        }

        try
        {
            return await EnterAsStudentAsync(request, connection, bound);
        }
        catch (DebateRuleException)
        {
            _pacer.GiveBack(capacity);
            throw;
        }
    }

    private Task<JoinResult> EnterAsStudentAsync(JoinRequest request, RoomConnection connection, Guid? bound) => ExecuteAsync((d, now) =>
    {
        var secret = request.JoinSecret;
        if (secret is not null && !ResumeTokens.IsSecret(secret))
        {
            throw new DebateRuleException(
                DebateError.InvalidRequest,
                $"A join secret is {ResumeTokens.MinSecretLength} to {ResumeTokens.MaxLength} letters, digits, '-' or '_', made from at least 128 random bits.");
        }

        var token = secret ?? ResumeTokens.Create();
        var joined = d.JoinOrRetry(Guid.NewGuid(), request.Name, ResumeTokens.Hash(token), bound, now, _services.Options.ResumeWindowAfterFinish, _services.Filter);
        if (joined.IsRetry)
        {
            _services.Bench.ThrowIfBenched(joined.Participant.Id);
        }

        Enter(connection, Audience.Student, joined.Participant.Id);
        var result = new JoinResult(Id, joined.Participant.Id, token, _snapshots.ForStudent(d, joined.Participant, now));

        // A retry answers once everything so far is stored: the first join may still be on its way to the database.
        return joined.IsRetry ? new Step<JoinResult>(result, [], d.Version) : new Step<JoinResult>(result, joined.Events);
    });

    /// <summary>Finds the student a token belongs to and returns their snapshot.</summary>
    public Task<Resumed> ResumeAsync(string? token, RoomConnection connection) => ExecuteAsync((d, now) =>
    {
        if (string.IsNullOrEmpty(token) || token.Length > ResumeTokens.MaxLength)
        {
            throw new DebateRuleException(DebateError.InvalidToken, "That session isn't valid for this debate. Join again with the code.");
        }

        var p = d.Authenticate(ResumeTokens.Hash(token), now, _services.Options.ResumeWindowAfterFinish);
        _services.Bench.ThrowIfBenched(p.Id);
        Enter(connection, Audience.Student, p.Id);
        return new Step<Resumed>(new Resumed(p.Id, _snapshots.ForStudent(d, p, now)), []);
    });

    public Task<ArgumentAck> PostArgumentAsync(Guid participantId, PostArgumentRequest request) => ExecuteAsync((d, now) =>
    {
        var s = d.PostArgument(participantId, request.RequestId, Guid.NewGuid(), request.Text, request.ReplyToId, now, _services.Filter);
        var view = RoomViews.Argument(d, d.FindArgument(s.Accepted.ArgumentId)!, Audience.Student);
        return new Step<ArgumentAck>(new ArgumentAck(s.Accepted.RequestId, view), s.Events, s.Accepted.Seq);
    });

    public Task<BallotAck> CastBallotAsync(Guid participantId, BallotRequest request) => ExecuteAsync((d, now) =>
    {
        var s = d.CastBallot(participantId, request.RequestId, request.RoundIndex, request.Ranking, now);
        var b = s.Accepted;
        return new Step<BallotAck>(new BallotAck(b.RequestId, new BallotView(b.RoundIndex, b.Ranking, b.Revision, b.Receipt, b.At)), s.Events, b.Seq);
    });

    /// <summary>Runs an instructor's command (or a student's <see cref="RoomCommand.Leave"/>).</summary>
    public Task ControlAsync(RoomCommand command) =>
        ExecuteAsync((d, now) => new Step<bool>(true, command.Apply(d, now)), runsAgain: command.RunsAgainWhenOvertaken());

    /// <summary>Whether a student is still in the debate: not removed, gone or erased.</summary>
    public Task<bool> IsActiveAsync(Guid participantId) => ReadAsync((d, _) => d.FindParticipant(participantId)?.IsActive ?? false);

    /// <summary>Where the debate stands now.</summary>
    public Task<RoomStatus> StatusAsync() => ReadAsync((d, now) => new RoomStatus(JoinCode, d.Status, d.RoundIndex, d.CurrentPhase, d.RemainingAt(now)));

    public Task<RoomSnapshot> AttachAsync(RoomConnection connection) => ExecuteAsync((d, now) =>
    {
        Enter(connection, Audience.Instructor, null);
        return new Step<RoomSnapshot>(_snapshots.ForInstructor(d, Presence, now) with { Joins = _pacer.View(d.Capacity) }, []);
    });

    /// <summary>A projector watches; <paramref name="viewer"/> is the student the connection spoke for until now, if any.</summary>
    public Task<RoomSnapshot> WatchAsync(RoomConnection connection, Guid? viewer) => ExecuteAsync((d, now) =>
    {
        d.RequireWatchable(viewer, now, _services.Options.ResumeWindowAfterFinish);
        Enter(connection, Audience.Projector, null);
        return new Step<RoomSnapshot>(_snapshots.ForProjector(d, now), []);
    });

    /// <summary>
    /// A page of one side's arguments in one round, as a connection in <paramref name="audience"/> may see them:
    /// a student (<paramref name="participantId"/>) and the projector what <see cref="Debate.CanSee"/> allows, the
    /// instructor every argument.
    /// </summary>
    public Task<ArgumentPageView> ArgumentsAsync(Audience audience, Guid? participantId, ArgumentPageRequest request) => ExecuteAsync((d, _) =>
    {
        // A student no longer in the debate is told why: removed, data removed or left.
        var student = audience == Audience.Student ? d.RequireActive(participantId!.Value) : null;
        Func<Argument, bool> visible = audience switch
        {
            Audience.Instructor => _ => true,
            Audience.Projector => a => d.CanSee(null, a),
            _ => a => d.CanSee(student, a),
        };
        var page = d.PageOfArguments(request.RoundIndex, request.Side, request.Before, request.Limit, visible);
        var arguments = page.Arguments.Select(a => RoomViews.Argument(d, a, audience)).ToList();
        return new Step<ArgumentPageView>(new ArgumentPageView(arguments, new OlderArgumentsView(page.RoundIndex, page.Side, page.Older, page.Before)), []);
    });

    /// <summary>Reads the live debate under the room's gate. For the room's host only: a closure never crosses to another process.</summary>
    public Task<T> ReadAsync<T>(Func<Debate, DateTimeOffset, T> read) => ExecuteAsync((d, now) => new Step<T>(read(d, now), []));

    public void Disconnected(string connectionId)
    {
        if (Presence.Remove(connectionId) is { } id)
        {
            _broadcaster.Touch(id);
        }
    }

    /// <summary>Drops every connection held by a server that <paramref name="isGone"/> says has died: they will never say they left.</summary>
    public void DropNodes(Func<string, bool> isGone)
    {
        foreach (var id in Presence.RemoveNodes(isGone))
        {
            _broadcaster.Touch(id);
        }
    }

    /// <summary>Called by the broadcaster to turn committed events into updates, numbered in the room's feed.</summary>
    internal Task<Outbox> ProjectAsync(IReadOnlyList<DebateEvent> events, IEnumerable<Guid> touched, bool resync, bool joins) => ExecuteAsync((d, now) =>
    {
        var outbox = RoomProjector.Project(d, events, Presence, touched, resync, now, _snapshots, _pacer.View(d.Capacity), joins ? Volatile.Read(ref _committed) : null);
        outbox.Number(_feed);
        return new Step<Outbox>(outbox, []);
    });

    /// <summary>Counts a connection in the room; called under the gate, so the next flush already includes it.</summary>
    private void Enter(RoomConnection connection, Audience audience, Guid? participantId)
    {
        if (Presence.Add(connection.Id, connection.Node, audience, participantId) && participantId is { } id)
        {
            _broadcaster.Touch(id);
        }
    }
}
