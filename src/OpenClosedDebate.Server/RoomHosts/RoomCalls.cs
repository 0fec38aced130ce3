namespace OpenClosedDebate.Server.RoomHosts;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;
using OpenClosedDebate.Server.Transcripts;

/// <summary>
/// The calls of <see cref="IRoomHandle"/>, answered where the room is: by this server for its own rooms
/// (<see cref="LocalRooms"/>) and by the grain that holds a room in a cluster (<see cref="RoomGrain"/>). This is the
/// room's side of the handle, so it may read the live debate with a closure; nothing that crosses the handle is one.
/// </summary>
internal sealed class RoomCalls(Guid debateId, IRoomSource source, RoomServices services) : IRoomHandle
{
    public async Task<JoinResult> JoinAsync(JoinRequest request, RoomConnection connection, Guid? bound) =>
        await (await LiveAsync()).JoinAsync(request, connection, bound);

    public async Task<Resumed> ResumeAsync(string? token, RoomConnection connection)
    {
        var room = await source.FindAsync()
            ?? throw new DebateRuleException(DebateError.InvalidToken, "That debate no longer exists. Join again with a code.");
        return await room.ResumeAsync(token, connection);
    }

    public async Task<RoomSnapshot> WatchAsync(RoomConnection connection, Guid? viewer) =>
        await (await LiveAsync()).WatchAsync(connection, viewer);

    public async Task<ArgumentAck> PostArgumentAsync(Guid participantId, PostArgumentRequest request) =>
        await (await LiveAsync()).PostArgumentAsync(participantId, request);

    public async Task<BallotAck> CastBallotAsync(Guid participantId, BallotRequest request) =>
        await (await LiveAsync()).CastBallotAsync(participantId, request);

    public async Task LeaveAsync(Guid participantId) =>
        await (await LiveAsync()).ControlAsync(new RoomCommand.Leave(participantId));

    public async Task<bool> IsActiveAsync(Guid participantId) =>
        await (await LiveAsync()).IsActiveAsync(participantId);

    public async Task<ArgumentPageView> ArgumentsAsync(Audience audience, Guid? participantId, ArgumentPageRequest request) =>
        await (await LiveAsync()).ArgumentsAsync(audience, participantId, request);

    public Task BenchAsync(Guid participantId)
    {
        services.Bench.Bench(participantId);
        return Task.CompletedTask;
    }

    public Task DisconnectedAsync(string connectionId)
    {
        source.Loaded?.Disconnected(connectionId);
        return Task.CompletedTask;
    }

    public async Task<RoomSnapshot> AttachAsync(Guid instructorId, RoomConnection connection) =>
        await (await OwnedAsync(instructorId)).AttachAsync(connection);

    public async Task ControlAsync(Guid instructorId, RoomCommand command) =>
        await (await OwnedAsync(instructorId)).ControlAsync(command);

    public async Task<DebatePlan> PlanAsync(Guid instructorId) =>
        await (await OwnedAsync(instructorId)).ReadAsync((d, _) => d.Plan);

    public async Task<DebateDetail> DetailAsync(Guid instructorId) =>
        await (await OwnedAsync(instructorId)).ReadAsync((d, _) => RoomViews.Detail(d));

    public async Task<ComparisonView> ComparisonAsync(Guid instructorId) =>
        await (await OwnedAsync(instructorId)).ReadAsync((d, _) => RoomViews.Comparison(d));

    public async Task<ReviewView> ReviewAsync(Guid instructorId, bool share, CancellationToken ct)
    {
        var room = await OwnedAsync(instructorId);
        var history = await DebateStore.HistoryAsync(services.Dbs, debateId, ct);
        return await room.ReadAsync((d, _) => Review.Build(d, history, share));
    }

    public async Task EraseAsync(Guid instructorId, Guid participantId) =>
        await (await OwnedAsync(instructorId)).EraseAsync(participantId);

    /// <summary>A debate that isn't live is deleted without loading it: its row says whose it is.</summary>
    public async Task DeleteAsync(Guid instructorId)
    {
        var theirs = source.Loaded is { } room ? room.OwnerId == instructorId : await source.IsOwnedByAsync(instructorId);
        if (!theirs)
        {
            throw NotTheirs();
        }

        await source.DeleteAsync("The instructor deleted this debate.");
    }

    public async Task<RoomStatus?> StatusAsync() =>
        await source.FindAsync() is { } room ? await room.StatusAsync() : null;

    private static DebateRuleException NotTheirs() => new(DebateError.NotFound, "That debate doesn't exist.");

    private async Task<Room> LiveAsync() =>
        await source.FindAsync() ?? throw new DebateRuleException(DebateError.NotFound, "This debate no longer exists.");

    /// <summary>The room, if the debate is the instructor's; someone else's debate is reported as not found.</summary>
    private async Task<Room> OwnedAsync(Guid instructorId) =>
        await source.FindAsync() is { } room && room.OwnerId == instructorId ? room : throw NotTheirs();
}
