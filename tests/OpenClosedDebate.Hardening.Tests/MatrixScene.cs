namespace OpenClosedDebate.Hardening.Tests;

using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>The callers of the authorisation matrix, in the order of its columns.</summary>
public enum MatrixCaller
{
    Anonymous,
    OtherStudent,
    Student,
    Owner,
    OtherInstructor,
}

/// <summary>Where a row's debates are put first, so that the allowed call is one the rules accept there.</summary>
public enum MatrixStage
{
    Draft,
    Lobby,
    Vote,
    Argue,
    Paused,
    Hidden,

    /// <summary>Round 0's vote has closed, and its result waits for the instructor to reveal it.</summary>
    Waiting,

    /// <summary>The lobby, where joiners wait to be let in and one is waiting.</summary>
    Admitting,

    /// <summary>The lobby, with a student whose name the word filter held.</summary>
    NameHeld,

    /// <summary>Round 1's argue phase with pre-moderation on: the student's argument waits for approval.</summary>
    ArgumentHeld,
}

/// <summary>
/// One real server for the whole matrix, and its two instructors: the owner of every debate the matrix
/// calls, and another instructor who owns the debate the "other student" joined.
/// </summary>
public sealed class MatrixServer : IAsyncLifetime
{
    internal RealServer Server { get; private set; } = null!;

    internal InstructorDesk Owner { get; private set; } = null!;

    internal InstructorDesk Other { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The matrix signs in and calls far faster than a person; rate limits are not what it is about.
        Server = await RealServer.StartAsync(new Dictionary<string, string>
        {
            ["RateLimits:SignInsPerMinutePerAddress"] = "100000",
            ["RateLimits:CallsPerSecondPerConnection"] = "100000",
            ["Rooms:JoinBurst"] = "20000",
            ["RateLimits:RefusalBurst"] = "100000",
            ["RateLimits:FailedCodeLookupBurst"] = "100000",
            ["RateLimits:FailedCodeLookupsPerConnection"] = "100000",
        });
        Owner = await InstructorDesk.OpenAsync(Server, "owner@example.edu");
        Other = await InstructorDesk.OpenAsync(Server, "other@example.edu");
    }

    /// <summary>This row's debate, owned by the owner, and the other instructor's debate, both put in <paramref name="stage"/>.</summary>
    internal async Task<MatrixScene> SceneAsync(MatrixStage stage)
    {
        var mine = await Owner.ArrangeAsync(stage);

        // A draft has no students; the other student's debate is at least open so that it has one.
        var theirs = await Other.ArrangeAsync(stage == MatrixStage.Draft ? MatrixStage.Lobby : stage);
        return new MatrixScene(this, mine, theirs);
    }

    public async ValueTask DisposeAsync()
    {
        await Owner.DisposeAsync();
        await Other.DisposeAsync();
        Owner.Teacher.Http.Dispose();
        Other.Teacher.Http.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A student's identity in one debate: what Join gave them.</summary>
internal sealed record MatrixStudent(Guid ParticipantId, string Token, Side Side);

/// <summary>A debate arranged in a stage: its student, and (once arguing) that student's argument.</summary>
internal sealed record ArrangedDebate(DebateDetail Debate, MatrixStudent? Student, Guid? ArgumentId, Guid? WaitingId = null, Guid? NameHeldId = null);

/// <summary>What a refused call must leave as it was: both debates' versions and the number of debates.</summary>
internal sealed record MatrixFingerprint(long This, long Theirs, long Debates);

/// <summary>A signed-in instructor with a console connection for arranging debates and reading their versions.</summary>
internal sealed class InstructorDesk(RealServer server, Teacher teacher, string email, HubConnection console) : IAsyncDisposable
{
    private static readonly DebatePlan Plan = new()
    {
        Motion = "Frontier models should be open.",
        Settings = new DebateSettings { RevealResults = ResultReveal.OnClick },
        Rounds =
        [
            new RoundPlan { Title = "Before", Prompt = "Where do you stand?", Kind = RoundKind.MotionVote, VoteSeconds = 900 },
            new RoundPlan { Title = "Research", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = 900, VoteSeconds = 900 },
        ],
    };

    public Teacher Teacher => teacher;

    public string Email => email;

    public static DebatePlan EditedPlan => Plan with { Motion = "Frontier models should be closed." };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<InstructorDesk> OpenAsync(RealServer server, string email)
    {
        var teacher = await server.TeacherAsync(email);
        var console = server.Connection(teacher.Cookie);
        await console.StartAsync(Ct);
        return new InstructorDesk(server, teacher, email, console);
    }

    public async Task<long> VersionAsync(Guid debateId) => (await console.InvokeAsync<RoomSnapshot>("Attach", debateId, Ct)).Version;

    /// <summary>Creates a debate and walks it to <paramref name="stage"/>: a student joins in the lobby and posts once arguing.</summary>
    public async Task<ArrangedDebate> ArrangeAsync(MatrixStage stage)
    {
        var debate = await teacher.CreateAsync(Plan);
        if (stage == MatrixStage.Draft)
        {
            return new ArrangedDebate(debate, null, null);
        }

        await ControlAsync("OpenLobby", debate.Id);
        await using var student = await server.ConnectAsync();
        var joined = await JoinAsync(student, debate.JoinCode, "Taylor");
        if (stage == MatrixStage.Lobby)
        {
            return new ArrangedDebate(debate, joined, null);
        }

        if (stage == MatrixStage.Admitting)
        {
            await ControlAsync("SetApproveJoins", debate.Id, true);
            await using var late = await server.ConnectAsync();
            var waiting = await JoinAsync(late, debate.JoinCode, "Wren");
            return new ArrangedDebate(debate, joined, null, waiting.ParticipantId);
        }

        if (stage == MatrixStage.NameHeld)
        {
            await using var rude = await server.ConnectAsync();
            var held = await JoinAsync(rude, debate.JoinCode, "B1tch");
            return new ArrangedDebate(debate, joined, null, NameHeldId: held.ParticipantId);
        }

        await ControlAsync("Start", debate.Id);
        if (stage == MatrixStage.Vote)
        {
            return new ArrangedDebate(debate, joined, null);
        }

        await ControlAsync("Skip", debate.Id);
        if (stage == MatrixStage.Waiting)
        {
            return new ArrangedDebate(debate, joined, null);
        }

        // Round 0 is the motion vote: skip its untimed results (its vote was skipped above) to reach round 1's argue phase.
        await ControlAsync("Skip", debate.Id);
        if (stage == MatrixStage.ArgumentHeld)
        {
            await ControlAsync("SetModeration", debate.Id, Moderation.BeforeEveryone);
        }

        var text = $"Open weights let anyone audit a model ({Guid.NewGuid():N}).";
        Ledger.Secret(text);
        var argument = (await student.PostAsync(text)).Argument.Id;
        if (stage == MatrixStage.Paused)
        {
            await ControlAsync("Pause", debate.Id);
        }
        else if (stage == MatrixStage.Hidden)
        {
            await ControlAsync("HideArgument", debate.Id, argument, "Off topic");
        }

        return new ArrangedDebate(debate, joined, argument);
    }

    public static async Task<MatrixStudent> JoinAsync(RoomClient client, string code, string name)
    {
        var result = await client.JoinAsync(code, name);
        Ledger.Secret(result.ResumeToken);
        return new MatrixStudent(result.ParticipantId, result.ResumeToken, result.Snapshot.You?.Side ?? Side.Open);
    }

    public ValueTask DisposeAsync() => console.DisposeAsync();

    private Task ControlAsync(string method, params object?[] args) => console.InvokeCoreAsync(method, args, Ct);
}

/// <summary>One row's two debates, and a fresh connection or HTTP client for each caller of each cell.</summary>
internal sealed class MatrixScene(MatrixServer world, ArrangedDebate mine, ArrangedDebate theirs)
{
    private MatrixStudent? _joinedLater;
    private int _names;

    public DebateDetail This => mine.Debate;

    public Guid ArgumentId => mine.ArgumentId ?? throw new InvalidOperationException("This stage has no argument.");

    public Guid WaitingId => mine.WaitingId ?? throw new InvalidOperationException("This stage has no one waiting.");

    public Guid NameHeldId => mine.NameHeldId ?? throw new InvalidOperationException("This stage has no held name.");

    /// <summary>The student of this debate; a draft gets one only once its lobby is open (see the matrix's cell order).</summary>
    public MatrixStudent Student => mine.Student ?? _joinedLater ?? throw new InvalidOperationException("This debate has no student yet.");

    /// <summary>A well-formed resume token that belongs to nobody, for callers who hold none.</summary>
    public string ForgedToken { get; } = Forge();

    public string NextName() => $"Caller {++_names}";

    /// <summary>A new hub connection for <paramref name="who"/>: a student's is joined or resumed, an instructor's carries their cookie.</summary>
    public async Task<RoomClient> HubCallerAsync(MatrixCaller who)
    {
        var client = await world.Server.ConnectAsync(who switch
        {
            MatrixCaller.Owner => world.Owner.Teacher.Cookie,
            MatrixCaller.OtherInstructor => world.Other.Teacher.Cookie,
            _ => null,
        });
        try
        {
            if (who == MatrixCaller.OtherStudent)
            {
                await InstructorDesk.JoinAsync(client, theirs.Debate.JoinCode, NextName());
            }
            else if (who == MatrixCaller.Student)
            {
                if (mine.Student is null)
                {
                    _joinedLater ??= await JoinStudentAsync();
                }

                await client.ResumeAsync(This.Id, Student.Token);
            }

            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A new HTTP client for <paramref name="who"/>. Students have no cookie and use only the hub, so over REST
    /// both student columns are anonymous clients. With <paramref name="freshSession"/> an instructor signs in anew.
    /// </summary>
    public async Task<HttpClient> HttpCallerAsync(MatrixCaller who, bool freshSession)
    {
        var desk = who switch
        {
            MatrixCaller.Owner => world.Owner,
            MatrixCaller.OtherInstructor => world.Other,
            _ => null,
        };
        if (desk is null)
        {
            return world.Server.Http();
        }

        if (freshSession)
        {
            return (await world.Server.SignInAsync(desk.Email, RealServer.Password)).Http;
        }

        var http = world.Server.Http();
        http.DefaultRequestHeaders.Add("Cookie", desk.Teacher.Cookie);
        return http;
    }

    public async Task<MatrixFingerprint> FingerprintAsync()
    {
        var debates = world.Server.Store.DebateCount();
        return new MatrixFingerprint(await world.Owner.VersionAsync(This.Id), await world.Other.VersionAsync(theirs.Debate.Id), debates);
    }

    private async Task<MatrixStudent> JoinStudentAsync()
    {
        await using var student = await world.Server.ConnectAsync();
        return await InstructorDesk.JoinAsync(student, This.JoinCode, "Taylor");
    }

    private static string Forge()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        Ledger.Secret(token);
        return token;
    }
}
