namespace OpenClosedDebate.Server.RoomHosts;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// A debate's one live room in a cluster. Orleans keeps at most one activation of it, on one node; whichever node holds
/// a connection calls it. The grain is reentrant because the room keeps its own gate, and the grain only hands calls on
/// (<see cref="RoomCalls"/>). While the debate is in a lobby or under way the grain stays active, so its clock runs.
/// </summary>
[Reentrant]
[GrainType("room")]
internal sealed partial class RoomGrain(RoomServices services, IClusterMembershipService membership, IOptions<ClusterNodeOptions> options, ILogger<RoomGrain> log) : Grain, IRoomGrain, IRoomSource
{
    private Room? _room;
    private RoomCalls? _calls;

    public Room? Loaded => _room;

    private RoomCalls Calls => _calls ??= new RoomCalls(this.GetPrimaryKey(), this, services);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKey();
        if (await DebateStore.LoadAsync(services.Dbs, id, cancellationToken) is not { } loaded)
        {
            DeactivateOnIdle();
            return;
        }

        _room = new Room(loaded.Debate, loaded.Row.OwnerId, services);
        await _room.StartAsync();
        var every = options.Value.ReactivateEvery;
        this.RegisterGrainTimer(StayWhileActiveAsync, new GrainTimerCreationOptions(every, every) { Interleave = true });
        LogActivated(id, _room.JoinCode);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_room is { } room)
        {
            await room.StopAsync();
            LogDeactivated(room.Id, reason.ReasonCode);
        }
    }

    public Task<Room?> FindAsync() => Task.FromResult(_room);

    public async Task DeleteAsync(string message)
    {
        if (_room is { } room)
        {
            await room.CloseAsync(message);
        }

        await using (var db = await services.Dbs.CreateDbContextAsync())
        {
            await db.Debates.Where(d => d.Id == this.GetPrimaryKey()).ExecuteDeleteAsync();
        }

        DeactivateOnIdle();
    }

    public Task<bool> IsOwnedByAsync(Guid instructorId) => Task.FromResult(_room?.OwnerId == instructorId);

    public Task<JoinResult> JoinAsync(JoinRequest request, RoomConnection connection, Guid? bound) => Calls.JoinAsync(request, connection, bound);

    public Task<Resumed> ResumeAsync(string? token, RoomConnection connection) => Calls.ResumeAsync(token, connection);

    public Task<RoomSnapshot> WatchAsync(RoomConnection connection, Guid? viewer) => Calls.WatchAsync(connection, viewer);

    public Task<ArgumentAck> PostArgumentAsync(Guid participantId, PostArgumentRequest request) => Calls.PostArgumentAsync(participantId, request);

    public Task<BallotAck> CastBallotAsync(Guid participantId, BallotRequest request) => Calls.CastBallotAsync(participantId, request);

    public Task LeaveAsync(Guid participantId) => Calls.LeaveAsync(participantId);

    public Task<bool> IsActiveAsync(Guid participantId) => Calls.IsActiveAsync(participantId);

    public Task<ArgumentPageView> ArgumentsAsync(Audience audience, Guid? participantId, ArgumentPageRequest request) => Calls.ArgumentsAsync(audience, participantId, request);

    public Task BenchAsync(Guid participantId) => Calls.BenchAsync(participantId);

    public Task DisconnectedAsync(string connectionId) => Calls.DisconnectedAsync(connectionId);

    public Task<RoomSnapshot> AttachAsync(Guid instructorId, RoomConnection connection) => Calls.AttachAsync(instructorId, connection);

    public Task ControlAsync(Guid instructorId, RoomCommand command) => Calls.ControlAsync(instructorId, command);

    public Task<DebatePlan> PlanAsync(Guid instructorId) => Calls.PlanAsync(instructorId);

    public Task<DebateDetail> DetailAsync(Guid instructorId) => Calls.DetailAsync(instructorId);

    public Task<ComparisonView> ComparisonAsync(Guid instructorId) => Calls.ComparisonAsync(instructorId);

    public Task<ReviewView> ReviewAsync(Guid instructorId, bool share, CancellationToken ct) => Calls.ReviewAsync(instructorId, share, ct);

    public Task EraseAsync(Guid instructorId, Guid participantId) => Calls.EraseAsync(instructorId, participantId);

    public Task DeleteAsync(Guid instructorId) => Calls.DeleteAsync(instructorId);

    public Task<RoomStatus?> StatusAsync() => Calls.StatusAsync();

    /// <summary>
    /// A debate in a lobby or under way keeps its grain, whether or not anyone calls it; and the connections of a node
    /// the cluster has declared dead leave the room, so its students show as gone until they connect again.
    /// </summary>
    private async Task StayWhileActiveAsync(CancellationToken ct)
    {
        if (_room is not { } room)
        {
            return;
        }

        var members = membership.CurrentSnapshot;
        room.DropNodes(node => members.GetSiloStatus(SiloAddress.FromParsableString(node)) == SiloStatus.Dead);
        if ((await room.StatusAsync()).Status is DebateStatus.Lobby or DebateStatus.Running)
        {
            DelayDeactivation(options.Value.ReactivateEvery * 3);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Debate {DebateId} ({JoinCode}) is live on this node")]
    private partial void LogActivated(Guid debateId, string joinCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Debate {DebateId} left this node ({Reason})")]
    private partial void LogDeactivated(Guid debateId, DeactivationReasonCode reason);
}
