namespace OpenClosedDebate.Hardening.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>A debate on a real server with a console attached and a class of students joined over real sockets.</summary>
public sealed class Classroom : IAsyncDisposable
{
    private Classroom(RealServer server, Teacher teacher, DebateDetail debate, RoomClient console, IReadOnlyList<Pupil> students)
    {
        Server = server;
        Teacher = teacher;
        Debate = debate;
        Console = console;
        Students = students;
    }

    public RealServer Server { get; }

    public Teacher Teacher { get; }

    public DebateDetail Debate { get; }

    public RoomClient Console { get; private set; }

    public IReadOnlyList<Pupil> Students { get; }

    /// <summary>One argument round, long enough that no deadline passes during a test.</summary>
    public static DebatePlan OneArgumentRound(int argueSeconds = 900, int voteSeconds = 900) => new()
    {
        Motion = "Frontier models should be open.",
        Settings = new DebateSettings { MaxRankedItems = 3 },
        Rounds =
        [
            new RoundPlan { Title = "Research", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = argueSeconds, VoteSeconds = voteSeconds },
        ],
    };

    /// <summary>
    /// Creates the debate, opens the lobby and joins <paramref name="count"/> students, a few dozen at a time;
    /// <paramref name="join"/>, given each student's number and the join code, joins one differently. The room takes
    /// <paramref name="capacity"/> students (the most a room can, so a big test class isn't paced), or the default when null.
    /// </summary>
    public static async Task<Classroom> OpenAsync(RealServer server, int count, DebatePlan? plan = null, Func<int, string, Task<Pupil>>? join = null, int? capacity = DebateLimits.MaxCapacity)
    {
        var teacher = await server.TeacherAsync();
        var debate = await teacher.CreateAsync(plan ?? OneArgumentRound());
        var console = await teacher.ConnectAsync();
        await console.AttachAsync(debate.Id);
        if (capacity is { } places)
        {
            await console.ControlAsync("SetCapacity", places);
        }

        await console.ControlAsync("OpenLobby");
        using var gate = new SemaphoreSlim(32);
        var students = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                return join is null ? await Pupil.JoinAsync(server, debate.JoinCode, $"Student {i:D3}") : await join(i, debate.JoinCode);
            }
            finally
            {
                gate.Release();
            }
        }));
        await console.WaitUntilAsync(v => v.Roster.Count == count, $"{count} students in the roster", TimeSpan.FromSeconds(60));
        return new Classroom(server, teacher, debate, console, students);
    }

    public Task WaitForPhaseAsync(int round, Phase phase) =>
        Console.WaitUntilAsync(v => v.Clock?.RoundIndex == round && v.Clock.Phase == phase, $"round {round} in {phase}", TimeSpan.FromSeconds(30));

    /// <summary>After a restart: a fresh console connection, attached again.</summary>
    public async Task<RoomSnapshot> ReattachAsync()
    {
        await Console.DisposeAsync();
        Console = await Teacher.ConnectAsync();
        return await Console.AttachAsync(Debate.Id);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Students.Select(s => s.DisposeAsync().AsTask()));
        await Console.DisposeAsync();
        Teacher.Http.Dispose();
    }
}
