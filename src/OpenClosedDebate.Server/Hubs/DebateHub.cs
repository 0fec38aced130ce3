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
internal sealed class DebateHub(IRooms rooms, CodeLookups codes, ThisNode node, IOptions<RoomOptions> options) : Hub<IDebateClient>
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

        var debateId = await codes.FindAsync(Context, request.Code);
        var room = rooms[debateId];
        var bound = ParticipantOf(Context) is { } id && BoundDebate(Context) == debateId ? id : (Guid?)null;
        return await EnterAsync(debateId, RoomGroups.Public(debateId), async connection =>
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
        return await EnterAsync(request.DebateId, RoomGroups.Public(request.DebateId), async connection =>
        {
            var resumed = await rooms[request.DebateId].ResumeAsync(request.Token, connection);
            return ((Guid?)resumed.ParticipantId, resumed.Snapshot);
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
        await room.LeaveAsync(participantId);
        await UnbindAsync();
    }

    public async Task<RoomSnapshot> Watch(WatchRequest request)
    {
        var debateId = await codes.FindAsync(Context, request.Code);
        var viewer = ParticipantOf(Context);
        return await EnterAsync(debateId, RoomGroups.Public(debateId), async connection => ((Guid?)null, await rooms[debateId].WatchAsync(connection, viewer)));
    }

    /// <summary>Older arguments, for a connection that joined, resumed, watched or attached this debate, as it may see them.</summary>
    public async Task<ArgumentPageView> Arguments(ArgumentPageRequest request)
    {
        if (!Context.Items.TryGetValue(typeof(ConnectionBinding), out var value) || value is not ConnectionBinding binding || binding.DebateId != request.DebateId)
        {
            throw new DebateRuleException(DebateError.InvalidToken, "Join, watch or attach this debate on this connection first.");
        }

        var audience = binding.Group == RoomGroups.Instructor(binding.DebateId) ? Audience.Instructor
            : binding.ParticipantId is null ? Audience.Projector
            : Audience.Student;
        return await rooms[binding.DebateId].ArgumentsAsync(audience, binding.ParticipantId, request);
    }

    [InstructorOnly]
    public async Task<RoomSnapshot> Attach(Guid debateId)
    {
        var instructorId = InstructorId();
        return await EnterAsync(debateId, RoomGroups.Instructor(debateId), async connection => ((Guid?)null, await rooms[debateId].AttachAsync(instructorId, connection)));
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
            await rooms[binding.DebateId].DisconnectedAsync(Context.ConnectionId);
        }

        await base.OnDisconnectedAsync(exception);
    }

    private Task Control(Guid debateId, RoomCommand command) => rooms[debateId].ControlAsync(InstructorId(), command);

    private Guid InstructorId() => Context.User!.InstructorId();

    private (IRoomHandle Room, Guid ParticipantId) Student() =>
        Context.Items.TryGetValue(typeof(ConnectionBinding), out var value) && value is ConnectionBinding { ParticipantId: { } id } binding
            ? (rooms[binding.DebateId], id)
            : throw new DebateRuleException(DebateError.InvalidToken, "Join the debate first.");

    /// <summary>Whether the student a binding speaks for is still in its debate (a projector's binding always is).</summary>
    private async Task<bool> StillInAsync(ConnectionBinding binding)
    {
        if (binding.ParticipantId is not { } id)
        {
            return true;
        }

        try
        {
            return await rooms[binding.DebateId].IsActiveAsync(id);
        }
        catch (DebateRuleException)
        {
            return false;
        }
    }

    /// <summary>
    /// Puts this connection in a room. It joins the room's group before the room takes its snapshot,
    /// so every change after the snapshot reaches it; if entering fails, it leaves the group again.
    /// </summary>
    private async Task<T> EnterAsync<T>(Guid debateId, string group, Func<RoomConnection, Task<(Guid? ParticipantId, T Result)>> enter)
    {
        var connection = Context.ConnectionId;
        var old = Context.Items.TryGetValue(typeof(ConnectionBinding), out var value) ? value as ConnectionBinding : null;
        await Groups.AddToGroupAsync(connection, group);
        (Guid? ParticipantId, T Result) entered;
        try
        {
            entered = await enter(node.Connection(connection));
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

        if (old is not null && old.DebateId != debateId)
        {
            await rooms[old.DebateId].DisconnectedAsync(connection);
        }

        if (old is not null && old.Group != group)
        {
            await Groups.RemoveFromGroupAsync(connection, old.Group);
        }

        Context.Items[typeof(ConnectionBinding)] = new ConnectionBinding(debateId, entered.ParticipantId, group);
        return entered.Result;
    }

    private async Task UnbindAsync()
    {
        if (Context.Items.Remove(typeof(ConnectionBinding), out var value) && value is ConnectionBinding old)
        {
            await rooms[old.DebateId].DisconnectedAsync(Context.ConnectionId);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, old.Group);
        }
    }

    /// <summary>The debate a connection is bound to (as a student, a projector or a console); null before.</summary>
    internal static Guid? BoundDebate(HubCallerContext context) =>
        context.Items.TryGetValue(typeof(ConnectionBinding), out var value) && value is ConnectionBinding binding ? binding.DebateId : null;

    /// <summary>The student a connection speaks for, once it has joined or resumed; null before, and for instructors.</summary>
    internal static Guid? ParticipantOf(HubCallerContext context) =>
        context.Items.TryGetValue(typeof(ConnectionBinding), out var value) && value is ConnectionBinding binding ? binding.ParticipantId : null;

    /// <summary>Which debate (and, for a student, which participant) this connection speaks for: an id, never the room itself, which may live in another process.</summary>
    private sealed record ConnectionBinding(Guid DebateId, Guid? ParticipantId, string Group);
}
