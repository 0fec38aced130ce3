namespace OpenClosedDebate.Hardening.Tests;

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Where the hub fuzz plays: the owner's walked debate with four students, spare debates of the owner in
/// every status, another instructor's running debate, and connections of every kind (anonymous, students
/// of the walked debate, the owner, the other instructor) that the fuzzed calls are spread over. It keeps
/// every join and every acknowledged argument, to check afterwards that each is stored where it belongs.
/// </summary>
internal sealed class HubArena : IAsyncDisposable
{
    private const int InFlight = 48;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    private readonly Classroom _room;
    private readonly FuzzTargets _targets;
    private readonly FuzzOutcomes _outcomes;
    private readonly List<Seat> _seats = [];
    private readonly List<Pupil> _extras = [];
    private readonly List<(Guid Debate, string Cookie)> _debates = [];
    private readonly ConcurrentDictionary<Guid, Guid> _joined = new();
    private readonly ConcurrentDictionary<Guid, string> _acknowledged = new();
    private Teacher? _other;
    private bool _closing;
    private int _rejoins;

    private HubArena(Classroom room, FuzzTargets targets, FuzzOutcomes outcomes) => (_room, _targets, _outcomes) = (room, targets, outcomes);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RealServer Server => _room.Server;

    private Guid Walked => _room.Debate.Id;

    /// <summary>Sets the arena up around a classroom whose lobby is open.</summary>
    public static async Task<HubArena> OpenAsync(Classroom room, FuzzTargets targets, FuzzOutcomes outcomes)
    {
        var arena = new HubArena(room, targets, outcomes);
        await arena.SetUpAsync();
        return arena;
    }

    /// <summary>Makes <paramref name="count"/> fuzzed calls, spread evenly over the seats, <see cref="InFlight"/> at a time.</summary>
    public async Task FuzzAsync(HubFuzzCalls calls, int count)
    {
        var work = Enumerable.Range(0, count).Select(i => _seats[i % _seats.Count]).Select(seat => (Seat: seat, Call: calls.Next(seat.Kind))).ToList();
        using var gate = new SemaphoreSlim(InFlight);
        await Task.WhenAll(work.Select(async w =>
        {
            await gate.WaitAsync(Ct);
            try
            {
                await CallAsync(w.Seat, w.Call);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>
    /// Undoes what the last stage's fuzz did to the walked debate that would stop its students acting:
    /// unlocks, opens the room to everyone, unpauses, binds every student seat (let in) to a student again and unmutes them. With
    /// <paramref name="post"/> each posts one argument of its own, so later calls have real arguments to aim at.
    /// </summary>
    public async Task PrepareAsync(bool post)
    {
        var console = _room.Console.Connection;
        await QuietlyAsync(console, "SetLocked", Walked, false);
        await QuietlyAsync(console, "SetCapacity", Walked, DebateLimits.MaxCapacity);
        await QuietlyAsync(console, "SetApproveJoins", Walked, false);
        await QuietlyAsync(console, "ResumeClock", Walked);
        foreach (var seat in _seats.Where(s => s.Kind == SeatKind.Student))
        {
            await RestartAsync(seat);
            try
            {
                await seat.Connection.InvokeAsync<RoomSnapshot>("Resume", new ResumeRequest(Walked, seat.Token), Ct);
            }
            catch (HubException)
            {
                // The fuzz may have bound the seat's connection to another student, and a connection holds one.
                await QuietlyAsync(seat.Connection, "Leave");
                var joined = await seat.Connection.InvokeAsync<JoinResult>("Join", new JoinRequest(_room.Debate.JoinCode, $"Seat {Interlocked.Increment(ref _rejoins)}", null), Ct);
                (seat.Participant, seat.Token) = (joined.ParticipantId, joined.ResumeToken);
                Joined(joined.DebateId, joined.ParticipantId, joined.ResumeToken);
            }

            await QuietlyAsync(console, "Admit", Walked, seat.Participant);
            await QuietlyAsync(console, "SetMuted", Walked, seat.Participant, false);
            if (post)
            {
                var text = $"A real argument from {seat.Name}: {Guid.NewGuid():N}.";
                Ledger.Secret(text);
                var ack = await seat.Connection.InvokeAsync<ArgumentAck>("PostArgument", new PostArgumentRequest(Guid.NewGuid().ToString(), text, null), Ct);
                Acknowledged(ack.Argument.Id, "the test's own argument");
            }
        }
    }

    /// <summary>
    /// Checks that every connection is still open, that every join that answered is in its debate's roster
    /// and nobody else is, and that every acknowledged argument is stored in exactly one debate and no other
    /// argument is: the instructor's snapshot of each debate, and its older arguments page by page, are read on a fresh connection.
    /// </summary>
    public async Task AssertConsistentAsync()
    {
        Assert.All(_seats, s => Assert.True(s.Connection.State == HubConnectionState.Connected, $"{s.Name} is {s.Connection.State}"));
        var stored = new List<Guid>();
        foreach (var (debate, cookie) in _debates)
        {
            await using var console = await Server.ConnectAsync(cookie);
            var snapshot = await console.AttachAsync(debate);
            Assert.Equal(_joined.Where(j => j.Value == debate).Select(j => j.Key).Order(), snapshot.Roster!.Select(p => p.Id).Order());
            stored.AddRange((await console.EveryArgumentAsync(snapshot)).Select(a => a.Id));
        }

        Assert.Equal(_acknowledged.Keys.Order(), stored.Order());
    }

    public int Joins => _joined.Count;

    public int Arguments => _acknowledged.Count;

    public async ValueTask DisposeAsync()
    {
        _closing = true;
        foreach (var seat in _seats.Where(s => s.Kind != SeatKind.Student))
        {
            await seat.Connection.DisposeAsync();
        }

        foreach (var pupil in _extras)
        {
            await pupil.DisposeAsync();
        }

        foreach (var seat in _seats)
        {
            seat.Dispose();
        }

        _other?.Http.Dispose();
    }

    private async Task SetUpAsync()
    {
        Debate(Walked, _room.Debate.JoinCode, _room.Teacher.Cookie);
        foreach (var (pupil, i) in _room.Students.Select((p, i) => (p, i)))
        {
            Joined(pupil.DebateId, pupil.ParticipantId, pupil.Token);
            await AddSeatAsync($"student {i}", SeatKind.Student, pupil.Client.Connection, pupil);
        }

        for (var i = 0; i < 3; i++)
        {
            await AddSeatAsync($"anonymous {i}", SeatKind.Anonymous, Server.Connection());
        }

        _other = await Server.TeacherAsync("other.instructor@example.edu");
        for (var i = 0; i < 2; i++)
        {
            await AddSeatAsync($"owner {i}", SeatKind.Owner, Server.Connection(_room.Teacher.Cookie));
            await AddSeatAsync($"other instructor {i}", SeatKind.Foreign, Server.Connection(_other.Cookie));
        }

        var owner = _seats.First(s => s.Kind == SeatKind.Owner).Connection;
        await owner.InvokeAsync<RoomSnapshot>("Attach", Walked, Ct);

        // The owner's spare debates, one in each status, take the calls that would end or skip the walked one.
        string[][] steps = [[], ["OpenLobby"], ["OpenLobby", "join", "Start"], ["OpenLobby", "join", "Start", "End"]];
        foreach (var step in steps)
        {
            await DebateAsync(_room.Teacher, owner, step);
        }

        var other = _seats.First(s => s.Kind == SeatKind.Foreign).Connection;
        var theirs = await DebateAsync(_other, other, ["OpenLobby", "join", "join", "Start"]);
        await other.InvokeAsync<RoomSnapshot>("Attach", theirs, Ct);
    }

    private async Task<Guid> DebateAsync(Teacher teacher, HubConnection console, string[] steps)
    {
        var debate = await teacher.CreateAsync(Classroom.OneArgumentRound());
        Debate(debate.Id, debate.JoinCode, teacher.Cookie);
        foreach (var step in steps)
        {
            if (step == "join")
            {
                var pupil = await Pupil.JoinAsync(Server, debate.JoinCode, $"Bystander {_extras.Count}");
                _extras.Add(pupil);
                Joined(debate.Id, pupil.ParticipantId, pupil.Token);
            }
            else
            {
                await console.InvokeCoreAsync(step, [debate.Id], Ct);
            }
        }

        return debate.Id;
    }

    private async Task AddSeatAsync(string name, SeatKind kind, HubConnection connection, Pupil? pupil = null)
    {
        var seat = new Seat(name, kind, connection) { Participant = pupil?.ParticipantId ?? Guid.Empty, Token = pupil?.Token ?? string.Empty };
        connection.Closed += e =>
        {
            if (!_closing)
            {
                _outcomes.Fail($"the connection of {name}", $"The connection closed under the fuzz: {e?.Message ?? "no error given"}");
            }

            return Task.CompletedTask;
        };
        if (connection.State == HubConnectionState.Disconnected)
        {
            await connection.StartAsync(Ct);
        }

        _seats.Add(seat);
    }

    private async Task CallAsync(Seat seat, FuzzCall call)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(CallTimeout);
        var described = $"{call}  [as {seat.Name}]";
        try
        {
            await RestartAsync(seat);
            var result = await seat.Connection.InvokeCoreAsync(call.Method, typeof(JsonElement), call.Args, timeout.Token);
            Harvest(result as JsonElement?, described);
            _outcomes.Answered(call.Method);
        }
        catch (HubException e)
        {
            _outcomes.Refused(call.Method, e.Message, seat.Kind is SeatKind.Owner or SeatKind.Foreign, described);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            _outcomes.Fail(described, $"No answer within {CallTimeout.TotalSeconds} s.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _outcomes.Fail(described, $"{e.GetType().Name}: {e.Message}");
        }
    }

    // A connection the server closed is opened again, so one failure doesn't turn every later call on it into another.
    private static async Task RestartAsync(Seat seat)
    {
        await seat.Gate.WaitAsync(Ct);
        try
        {
            if (seat.Connection.State == HubConnectionState.Disconnected)
            {
                await seat.Connection.StartAsync(Ct);
            }
        }
        finally
        {
            seat.Gate.Release();
        }
    }

    private void Harvest(JsonElement? result, string call)
    {
        if (result is not { ValueKind: JsonValueKind.Object } answer)
        {
            return;
        }

        if (answer.TryGetProperty("resumeToken", out var token))
        {
            Joined(answer.GetProperty("debateId").GetGuid(), answer.GetProperty("participantId").GetGuid(), token.GetString()!);
        }
        else if (answer.TryGetProperty("argument", out var argument))
        {
            Acknowledged(argument.GetProperty("id").GetGuid(), call);
        }
    }

    private void Debate(Guid id, string code, string cookie)
    {
        _debates.Add((id, cookie));
        _targets.Debate(id, code);
    }

    private void Joined(Guid debate, Guid participant, string token)
    {
        Ledger.Secret(token);
        if (_joined.TryAdd(participant, debate))
        {
            _targets.Student(new FuzzStudent(debate, participant, token));
        }
    }

    private void Acknowledged(Guid argument, string call)
    {
        if (_acknowledged.TryAdd(argument, call))
        {
            _targets.Argument(argument);
        }
    }

    private static async Task QuietlyAsync(HubConnection connection, string method, params object[] args)
    {
        try
        {
            await connection.InvokeCoreAsync(method, args, Ct);
        }
        catch (HubException)
        {
            // Already in that state: the fuzz didn't change it.
        }
    }

    private sealed class Seat(string name, SeatKind kind, HubConnection connection) : IDisposable
    {
        public string Name { get; } = name;

        public SeatKind Kind { get; } = kind;

        public HubConnection Connection { get; } = connection;

        public SemaphoreSlim Gate { get; } = new(1);

        public Guid Participant { get; set; }

        public string Token { get; set; } = string.Empty;

        public void Dispose() => Gate.Dispose();
    }
}
