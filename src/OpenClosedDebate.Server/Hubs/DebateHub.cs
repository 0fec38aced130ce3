namespace OpenClosedDebate.Server.Hubs;

using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Auth;
using OpenClosedDebate.Server.Contract;
using OpenClosedDebate.Server.Rooms;

/// <summary>
/// The live edge. Each method finds the room, calls it and returns; rules live in the domain and
/// <see cref="HubErrorFilter"/> turns refusals into readable errors. Method names are wire names.
/// </summary>
internal sealed class DebateHub(RoomRegistry rooms, CodeLookups codes, IOptions<RoomOptions> options) : Hub<IDebateClient>
{
    private static readonly object JoinsKey = new();

    /// <summary>
    /// A student joins. A connection speaks for one student at a time, and may join as at most
    /// <see cref="RoomOptions.JoinsPerConnection"/> students in its life, so it can't make identities in a loop.
    /// </summary>
    public async Task<JoinResult> Join(JoinRequest request)
    {
        var joins = Context.Items.TryGetValue(JoinsKey, out var count) ? (int)count! : 0;
        if (joins >= options.Value.JoinsPerConnection)
        {
            throw new HubException("rateLimited: This page has joined as too many students. Reload it to join again.");
        }

        var room = await codes.FindAsync(Context, request.Code);
        var bound = ParticipantOf(Context) is { } id && BoundRoom(Context) == room ? id : (Guid?)null;
        return await EnterAsync(room, RoomGroups.Public(room.Id), async connection =>
        {
            var result = await room.JoinAsync(request, connection, bound);
            if (result.ParticipantId != bound)
            {
                Context.Items[JoinsKey] = joins + 1;
            }

            return (result.ParticipantId, result);
        });
    }

    public async Task<RoomSnapshot> Resume(ResumeRequest request)
    {
        var room = await rooms.FindAsync(request.DebateId)
            ?? throw new DebateRuleException(DebateError.InvalidToken, "That debate no longer exists. Join again with a code.");
        return await EnterAsync(room, RoomGroups.Public(room.Id), async connection =>
        {
            var (participantId, snapshot) = await room.ResumeAsync(request.Token, connection);
            return ((Guid?)participantId, snapshot);
        });
    }

    public async Task<ArgumentAck> PostArgument(PostArgumentRequest request)
    {
        var (room, participantId) = Student();
        return await room.PostArgumentAsync(participantId, request);
    }

    public async Task<BallotAck> SubmitBallot(BallotRequest request)
    {
        var (room, participantId) = Student();
        return await room.CastBallotAsync(participantId, request);
    }

    public async Task Leave()
    {
        var (room, participantId) = Student();
        await room.ControlAsync(new RoomCommand.Leave(participantId));
        await UnbindAsync();
    }

    public async Task<RoomSnapshot> Watch(WatchRequest request)
    {
        var room = await codes.FindAsync(Context, request.Code);
        var viewer = ParticipantOf(Context);
        return await EnterAsync(room, RoomGroups.Public(room.Id), async connection => ((Guid?)null, await room.WatchAsync(connection, viewer)));
    }

    /// <summary>Older arguments, for a connection that joined, resumed, watched or attached this debate, as it may see them.</summary>
    public async Task<ArgumentPageView> Arguments(ArgumentPageRequest request)
    {
        if (!Context.Items.TryGetValue(typeof(ConnectionBinding), out var value) || value is not ConnectionBinding binding || binding.Room.Id != request.DebateId)
        {
            throw new DebateRuleException(DebateError.InvalidToken, "Join, watch or attach this debate on this connection first.");
        }

        var audience = binding.Group == RoomGroups.Instructor(binding.Room.Id) ? Audience.Instructor
            : binding.ParticipantId is null ? Audience.Projector
            : Audience.Student;
        return await binding.Room.ArgumentsAsync(audience, binding.ParticipantId, request);
    }

    [InstructorOnly]
    public async Task<RoomSnapshot> Attach(Guid debateId)
    {
        var room = await Owned(debateId);
        return await EnterAsync(room, RoomGroups.Instructor(room.Id), async connection => ((Guid?)null, await room.AttachAsync(connection)));
    }

    [InstructorOnly]
    public Task OpenLobby(Guid debateId) => Control(debateId, new RoomCommand.OpenLobby());

    [InstructorOnly]
    public Task Start(Guid debateId) => Control(debateId, new RoomCommand.Start());

    [InstructorOnly]
    public Task Pause(Guid debateId) => Control(debateId, new RoomCommand.Pause());

    [InstructorOnly]
    public Task ResumeClock(Guid debateId) => Control(debateId, new RoomCommand.ResumeClock());

    [InstructorOnly]
    public Task Extend(Guid debateId, int seconds) => Control(debateId, new RoomCommand.Extend(seconds));

    [InstructorOnly]
    public Task Skip(Guid debateId) => Control(debateId, new RoomCommand.Skip());

    [InstructorOnly]
    public Task RevealResults(Guid debateId) => Control(debateId, new RoomCommand.RevealResults());

    [InstructorOnly]
    public Task End(Guid debateId) => Control(debateId, new RoomCommand.End());

    [InstructorOnly]
    public Task SetLocked(Guid debateId, bool locked) => Control(debateId, new RoomCommand.SetLocked(locked));

    [InstructorOnly]
    public Task SetCapacity(Guid debateId, int capacity) => Control(debateId, new RoomCommand.SetCapacity(capacity));

    [InstructorOnly]
    public Task SetApproveJoins(Guid debateId, bool approve) => Control(debateId, new RoomCommand.SetApproveJoins(approve));

    [InstructorOnly]
    public Task Admit(Guid debateId, Guid participantId) => Control(debateId, new RoomCommand.Admit(participantId));

    [InstructorOnly]
    public Task AdmitAll(Guid debateId) => Control(debateId, new RoomCommand.AdmitAll());

    [InstructorOnly]
    public Task TurnAwayWaiting(Guid debateId) => Control(debateId, new RoomCommand.TurnAwayWaiting());

    [InstructorOnly]
    public Task MoveStudent(Guid debateId, Guid participantId, Side side) => Control(debateId, new RoomCommand.MoveStudent(participantId, side));

    [InstructorOnly]
    public Task HideArgument(Guid debateId, Guid argumentId, string reason) => Control(debateId, new RoomCommand.HideArgument(argumentId, reason));

    [InstructorOnly]
    public Task RestoreArgument(Guid debateId, Guid argumentId) => Control(debateId, new RoomCommand.RestoreArgument(argumentId));

    [InstructorOnly]
    public Task SetModeration(Guid debateId, Moderation moderation) => Control(debateId, new RoomCommand.SetModeration(moderation));

    [InstructorOnly]
    public Task ApproveArgument(Guid debateId, Guid argumentId) => Control(debateId, new RoomCommand.ApproveArgument(argumentId));

    [InstructorOnly]
    public Task ApproveName(Guid debateId, Guid participantId) => Control(debateId, new RoomCommand.ApproveName(participantId));

    [InstructorOnly]
    public Task SetMuted(Guid debateId, Guid participantId, bool muted) => Control(debateId, new RoomCommand.SetMuted(participantId, muted));

    [InstructorOnly]
    public Task Kick(Guid debateId, Guid participantId) => Control(debateId, new RoomCommand.Kick(participantId));

    [InstructorOnly]
    public Task Rename(Guid debateId, Guid participantId, string name) => Control(debateId, new RoomCommand.Rename(participantId, name));

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.TryGetValue(typeof(ConnectionBinding), out var value) && value is ConnectionBinding binding)
        {
            binding.Room.Disconnected(Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private async Task Control(Guid debateId, RoomCommand command) =>
        await (await Owned(debateId)).ControlAsync(command);

    private Task<Room> Owned(Guid debateId) => rooms.ForOwnerAsync(debateId, InstructorId());

    private Guid InstructorId() => Context.User!.InstructorId();

    private (Room Room, Guid ParticipantId) Student() =>
        Context.Items.TryGetValue(typeof(ConnectionBinding), out var value) && value is ConnectionBinding { ParticipantId: { } id } binding
            ? (binding.Room, id)
            : throw new DebateRuleException(DebateError.InvalidToken, "Join the debate first.");

    /// <summary>
    /// Puts this connection in a room. It joins the room's group before the room takes its snapshot,
    /// so every change after the snapshot reaches it; if entering fails, it leaves the group again.
    /// </summary>
    /// <summary>Whether the student a binding speaks for is still in its debate (a projector's binding always is).</summary>
    private static async Task<bool> StillInAsync(ConnectionBinding binding)
    {
        if (binding.ParticipantId is not { } id)
        {
            return true;
        }

        try
        {
            return await binding.Room.IsActiveAsync(id);
        }
        catch (DebateRuleException)
        {
            return false;
        }
    }

    private async Task<T> EnterAsync<T>(Room room, string group, Func<string, Task<(Guid? ParticipantId, T Result)>> enter)
    {
        var connection = Context.ConnectionId;
        var old = Context.Items.TryGetValue(typeof(ConnectionBinding), out var value) ? value as ConnectionBinding : null;
        await Groups.AddToGroupAsync(connection, group);
        (Guid? ParticipantId, T Result) entered;
        try
        {
            entered = await enter(connection);
        }
        catch
        {
            // A refused entry leaves the connection where it was, except that the connection of a student who is
            // no longer in the debate (removed, gone, data removed) never stays in its group.
            if (old?.Group != group || !await StillInAsync(old))
            {
                await Groups.RemoveFromGroupAsync(connection, group);
            }

            throw;
        }

        if (old is not null && old.Room != room)
        {
            old.Room.Disconnected(connection);
        }

        if (old is not null && old.Group != group)
        {
            await Groups.RemoveFromGroupAsync(connection, old.Group);
        }

        Context.Items[typeof(ConnectionBinding)] = new ConnectionBinding(room, entered.ParticipantId, group);
        return entered.Result;
    }

    private async Task UnbindAsync()
    {
        if (Context.Items.Remove(typeof(ConnectionBinding), out var value) && value is ConnectionBinding old)
        {
            old.Room.Disconnected(Context.ConnectionId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, old.Group);
        }
    }

    private static Room? BoundRoom(HubCallerContext context) =>
        context.Items.TryGetValue(typeof(ConnectionBinding), out var value) && value is ConnectionBinding binding ? binding.Room : null;

    /// <summary>The student a connection speaks for, once it has joined or resumed; null before, and for instructors.</summary>
    internal static Guid? ParticipantOf(HubCallerContext context) =>
        context.Items.TryGetValue(typeof(ConnectionBinding), out var value) && value is ConnectionBinding binding ? binding.ParticipantId : null;

    /// <summary>Which room (and, for a student, which participant) this connection speaks for.</summary>
    private sealed record ConnectionBinding(Room Room, Guid? ParticipantId, string Group);
}
