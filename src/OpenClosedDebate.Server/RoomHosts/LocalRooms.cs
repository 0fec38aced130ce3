namespace OpenClosedDebate.Server.RoomHosts;

using Microsoft.EntityFrameworkCore;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Persistence;
using OpenClosedDebate.Server.Rooms;
using OpenClosedDebate.Server.Transcripts;

/// <summary>
/// One server holds its rooms itself, in <see cref="RoomRegistry"/>: a handle's call finds the room (loading it from
/// its events if need be) and runs there. This is the side of the handle where the room is, so it may read the live
/// debate with a closure; nothing that crosses <see cref="IRoomHandle"/> is one.
/// </summary>
internal sealed partial class LocalRooms(RoomRegistry registry, RoomServices services, ILogger<LocalRooms> log) : IRooms
{
    public IRoomHandle this[Guid debateId] => new Handle(debateId, registry, services);

    public Task<Guid> FindByCodeAsync(string? typed) => registry.FindByCodeAsync(typed);

    public async Task RestoreActiveAsync(CancellationToken ct)
    {
        List<Guid> ids;
        await using (var db = await services.Dbs.CreateDbContextAsync(ct))
        {
            ids = await db.Debates.Where(d => d.Status == DebateStatus.Lobby || d.Status == DebateStatus.Running).Select(d => d.Id).ToListAsync(ct);
        }

        foreach (var id in ids)
        {
            if (await this[id].StatusAsync() is { } s)
            {
                LogRestored(id, s.JoinCode, s.Status, s.RoundIndex, s.Phase, s.Remaining);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored debate {DebateId} ({JoinCode}): {Status}, round {RoundIndex}, {Phase}, {Remaining} left")]
    private partial void LogRestored(Guid debateId, string joinCode, DebateStatus status, int? roundIndex, Phase? phase, TimeSpan? remaining);

    private sealed class Handle(Guid debateId, RoomRegistry registry, RoomServices services) : IRoomHandle
    {
        public Guid DebateId => debateId;

        public async Task<JoinResult> JoinAsync(JoinRequest request, string connectionId, Guid? bound) =>
            await (await LiveAsync()).JoinAsync(request, connectionId, bound);

        public async Task<Resumed> ResumeAsync(string? token, string connectionId)
        {
            var room = await registry.FindAsync(debateId)
                ?? throw new DebateRuleException(DebateError.InvalidToken, "That debate no longer exists. Join again with a code.");
            return await room.ResumeAsync(token, connectionId);
        }

        public async Task<RoomSnapshot> WatchAsync(string connectionId, Guid? viewer) =>
            await (await LiveAsync()).WatchAsync(connectionId, viewer);

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

        public Task DisconnectedAsync(string connectionId)
        {
            registry.FindLoaded(debateId)?.Disconnected(connectionId);
            return Task.CompletedTask;
        }

        public async Task<RoomSnapshot> AttachAsync(Guid instructorId, string connectionId) =>
            await (await OwnedAsync(instructorId)).AttachAsync(connectionId);

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

        public async Task DeleteAsync(Guid instructorId)
        {
            // A debate that isn't live is deleted without loading it: its row says whose it is.
            var theirs = registry.FindLoaded(debateId) is { } room
                ? room.OwnerId == instructorId
                : await OwnsRowAsync(instructorId);
            if (!theirs)
            {
                throw new DebateRuleException(DebateError.NotFound, "That debate doesn't exist.");
            }

            await registry.DeleteAsync(debateId, "The instructor deleted this debate.");
        }

        public async Task<RoomStatus?> StatusAsync() =>
            await registry.FindAsync(debateId) is { } room ? await room.StatusAsync() : null;

        private async Task<bool> OwnsRowAsync(Guid instructorId)
        {
            await using var db = await services.Dbs.CreateDbContextAsync();
            return await db.Debates.AnyAsync(d => d.Id == debateId && d.OwnerId == instructorId);
        }

        private async Task<Room> LiveAsync() =>
            await registry.FindAsync(debateId) ?? throw new DebateRuleException(DebateError.NotFound, "This debate no longer exists.");

        /// <summary>The room, if the debate is the instructor's; someone else's debate is reported as not found.</summary>
        private async Task<Room> OwnedAsync(Guid instructorId) =>
            await registry.FindAsync(debateId) is { } room && room.OwnerId == instructorId
                ? room
                : throw new DebateRuleException(DebateError.NotFound, "That debate doesn't exist.");
    }
}
