namespace OpenClosedDebate.Hardening.Tests;

using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;
using static OpenClosedDebate.Hardening.Tests.Expect;

/// <summary>
/// Every hub method and REST endpoint, called on a real server process by each kind of caller, is allowed or
/// refused exactly as docs/protocol.md says, and a refused call changes nothing. Each row gets fresh debates,
/// put where the owner's call is one the rules accept, so only authorisation can refuse the others.
/// </summary>
public sealed partial class AuthorizationMatrixTests(MatrixServer world) : IClassFixture<MatrixServer>
{
    // §3: the "Caller" column. §2.3: an instructor method without the instructor cookie is refused "unauthorized".
    // §3: an instructor method on a debate that isn't the caller's is notFound. §2.3 invalidToken: a student
    // method before Join/Resume on the connection, or Resume with a token that isn't for this debate (callers
    // who hold no token present a forged one). A student of another debate is bound to that debate, so the
    // student methods without a debate id act there (InOwnDebate): this debate must not change. Arguments answers only
    // a connection that joined, resumed, watched or attached this debate (§3.2a): a fresh instructor connection hasn't.
    private static readonly HubRow[] Hub =
    [
        //  method             stage                 anonymous      other student  student        owner          other instructor
        new("Join",            MatrixStage.Lobby,    Allowed,       Allowed,       AlreadyJoined, Allowed,       Allowed),
        new("Resume",          MatrixStage.Lobby,    InvalidToken,  InvalidToken,  Allowed,       InvalidToken,  InvalidToken),
        new("PostArgument",    MatrixStage.Argue,    InvalidToken,  InOwnDebate,   Allowed,       InvalidToken,  InvalidToken),
        new("SubmitBallot",    MatrixStage.Vote,     InvalidToken,  InOwnDebate,   Allowed,       InvalidToken,  InvalidToken),
        new("Leave",           MatrixStage.Lobby,    InvalidToken,  InOwnDebate,   Allowed,       InvalidToken,  InvalidToken),
        new("Watch",           MatrixStage.Lobby,    Allowed,       Allowed,       Allowed,       Allowed,       Allowed),
        new("Arguments",       MatrixStage.Argue,    InvalidToken,  InvalidToken,  Allowed,       InvalidToken,  InvalidToken),
        new("Attach",          MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("OpenLobby",       MatrixStage.Draft,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("Start",           MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("Pause",           MatrixStage.Argue,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("ResumeClock",     MatrixStage.Paused,   Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("Extend",          MatrixStage.Argue,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("Skip",            MatrixStage.Argue,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("RevealResults",   MatrixStage.Waiting,  Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("End",             MatrixStage.Argue,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("SetLocked",       MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("SetCapacity",     MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("SetApproveJoins", MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("Admit",           MatrixStage.Admitting, Unauthorized, Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("AdmitAll",        MatrixStage.Admitting, Unauthorized, Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("TurnAwayWaiting", MatrixStage.Admitting, Unauthorized, Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("SetModeration",   MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("ApproveArgument", MatrixStage.ArgumentHeld, Unauthorized, Unauthorized, Unauthorized, Allowed,     NotFound),
        new("ApproveName",     MatrixStage.NameHeld, Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("MoveStudent",     MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("HideArgument",    MatrixStage.Argue,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("RestoreArgument", MatrixStage.Hidden,   Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("SetMuted",        MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("Kick",            MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
        new("Rename",          MatrixStage.Lobby,    Unauthorized,  Unauthorized,  Unauthorized,  Allowed,       NotFound),
    ];

    // §5: "instructor" needs the cookie, else 401 unauthenticated; another instructor's debate is 404 notFound;
    // "anyone" needs nothing (setup is done once an instructor exists: 410). Students have no cookie and use only
    // the hub, so over REST both student columns are anonymous HTTP clients. Every debate row is in its lobby.
    private static readonly RestRow[] Rest =
    [
        //  endpoint                                                         anonymous  other student  student  owner  other instructor
        new("POST /api/auth/sign-in",                                          200,       200,           200,     200,   200),
        new("POST /api/auth/sign-out",                                         401,       401,           401,     204,   204),
        new("GET /api/auth/me",                                                401,       401,           401,     200,   200),
        new("GET /api/auth/setup",                                             200,       200,           200,     200,   200),
        new("POST /api/auth/setup",                                            410,       410,           410,     410,   410),
        new("GET /api/templates",                                              401,       401,           401,     200,   200),
        new("GET /api/debates",                                                401,       401,           401,     200,   200),
        new("POST /api/debates",                                               401,       401,           401,     201,   201),
        new("POST /api/debates/{id}/duplicate",                                401,       401,           401,     201,   404),
        new("GET /api/debates/{id}",                                           401,       401,           401,     200,   404),
        new("PUT /api/debates/{id}/plan",                                      401,       401,           401,     200,   404),
        new("DELETE /api/debates/{id}",                                        401,       401,           401,     204,   404),
        new("GET /api/debates/{id}/comparison",                                401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/review",                                    401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/review?share=true",                         401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/transcript.md",                      401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/transcript.md?share=true",           401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/arguments.csv",                      401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/arguments.csv?share=true",           401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/ballots.csv",                        401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/ballots.csv?share=true",             401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/debate.json",                        401,       401,           401,     200,   404),
        new("GET /api/debates/{id}/export/debate.json?share=true",             401,       401,           401,     200,   404),
        new("POST /api/debates/{id}/participants/{participantId}/erase",       401,       401,           401,     204,   404),
        new("GET /api/join-address",                                           200,       200,           200,     200,   200),
        new("GET /api/openapi/v1.json",                                        200,       200,           200,     200,   200),
        new("GET /api/openapi/reference/v1",                                   200,       200,           200,     200,   200),
        new("GET /healthz",                                                    200,       200,           200,     200,   200),
    ];

    public static TheoryData<string> HubMethods { get; } = new(Hub.Select(r => r.Method));

    public static TheoryData<string> Endpoints { get; } = new(Rest.Select(r => r.Endpoint));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_matrix_has_a_row_for_every_hub_method_and_every_endpoint_in_the_protocol_document()
    {
        var hub = typeof(JoinRequest).Assembly.GetType("OpenClosedDebate.Server.Hubs.DebateHub", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsVirtual)
            .Select(m => m.Name);
        var methods = HubTableRow().Matches(Section("## 3. Hub methods", "### 3.1")).Select(m => m.Groups[1].Value);
        var endpoints = Endpoint().Matches(Section("## 5. REST endpoints", "## 6. ")).Select(m => m.Groups[1].Value);

        Assert.Equal(hub.Order(StringComparer.Ordinal), Hub.Select(r => r.Method).Order(StringComparer.Ordinal));
        Assert.Equal(methods.Order(StringComparer.Ordinal), Hub.Select(r => r.Method).Order(StringComparer.Ordinal));
        Assert.Equal(endpoints.Distinct().Order(StringComparer.Ordinal), Rest.Select(r => r.Endpoint.Split('?')[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(
            Rest.Where(r => r.Endpoint.Contains("/review", StringComparison.Ordinal) || r.Endpoint.Contains("/export/", StringComparison.Ordinal)).GroupBy(r => r.Endpoint.Split('?')[0]),
            g => Assert.Equal(2, g.Count()));
    }

    [Theory]
    [MemberData(nameof(HubMethods))]
    public async Task A_hub_method_allows_or_refuses_each_caller_as_the_protocol_document_says(string method)
    {
        var row = Hub.Single(r => r.Method == method);
        var scene = await world.SceneAsync(row.Stage);

        // Refusals go first, while the debate is as arranged; the allowed calls, which change it, last. A draft has
        // no students, so its student's cell waits until the owner has opened the lobby: an unauthorised call must
        // still be refused as such there, before any rule about the debate's status.
        var order = Enum.GetValues<MatrixCaller>()
            .OrderBy(who => row.Stage == MatrixStage.Draft && who == MatrixCaller.Student)
            .ThenBy(who => row.Columns[(int)who] is Allowed or InOwnDebate);
        await AssertCellsAsync(method, order, who => HubCellAsync(row, scene, who));
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task An_endpoint_allows_or_refuses_each_caller_as_the_protocol_document_says(string endpoint)
    {
        var row = Rest.Single(r => r.Endpoint == endpoint);
        var scene = await world.SceneAsync(MatrixStage.Lobby);

        var order = Enum.GetValues<MatrixCaller>().OrderBy(who => row.Columns[(int)who] < 400);
        await AssertCellsAsync(endpoint, order, who => RestCellAsync(row, scene, who));
    }

    /// <summary>Calls a row's cells in <paramref name="order"/>, prints the row as the server answered it, and fails with every cell that disagrees.</summary>
    private static async Task AssertCellsAsync(string row, IEnumerable<MatrixCaller> order, Func<MatrixCaller, Task<(string Answer, string? Wrong)>> cell)
    {
        var answers = new Dictionary<MatrixCaller, string>();
        var wrong = new List<string>();
        foreach (var who in order)
        {
            string answer;
            string? problem;
            try
            {
                (answer, problem) = await cell(who);
            }
            catch (Exception e)
            {
                // A cell that can't even be set up (say, an earlier cell wrongly kicked the student) is reported, not
                // thrown, so the row still shows every cell.
                (answer, problem) = ("not called", $"the caller couldn't be set up: {e.Message}");
            }

            answers[who] = answer;
            if (problem is not null)
            {
                wrong.Add($"{row} called by {who}: {problem}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{row}: {string.Join(" | ", Enum.GetValues<MatrixCaller>().Select(w => $"{w} {answers[w]}"))}");
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static async Task<(string Answer, string? Wrong)> HubCellAsync(HubRow row, MatrixScene scene, MatrixCaller who)
    {
        var expected = row.Columns[(int)who];
        await using var caller = await scene.HubCallerAsync(who);
        var arguments = HubArguments(row.Method, scene, caller);
        var before = await scene.FingerprintAsync();

        var answer = await HubAnswerAsync(() => caller.Connection.InvokeCoreAsync(row.Method, typeof(object), arguments, Ct));

        if (answer != Label(expected))
        {
            return (answer, $"the document says {Label(expected)}, the server answered {answer}");
        }

        if (expected == Allowed)
        {
            return (answer, null);
        }

        var after = await scene.FingerprintAsync();
        return expected == InOwnDebate
            ? (answer, after.This == before.This && after.Theirs > before.Theirs ? null : $"it should act only on their own debate, but {before} became {after}")
            : (answer, after == before ? null : $"refused, but {before} became {after}");
    }

    private async Task<(string Answer, string? Wrong)> RestCellAsync(RestRow row, MatrixScene scene, MatrixCaller who)
    {
        var expected = row.Columns[(int)who];
        using var caller = await scene.HttpCallerAsync(who, freshSession: row.Endpoint == "POST /api/auth/sign-out");
        using var request = Request(row.Endpoint, scene);
        var before = await scene.FingerprintAsync();

        using var response = await caller.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var answer = RestLabel((int)response.StatusCode, ProblemCode(response, body));

        var documented = RestLabel(expected, expected == 401 ? "unauthenticated" : "notFound");
        if (answer != documented)
        {
            return (answer, $"the document says {documented}, the server answered {answer}");
        }

        if (expected < 400)
        {
            return (answer, who != MatrixCaller.Owner && body.Contains(scene.This.Id.ToString(), StringComparison.OrdinalIgnoreCase) ? "the answer to someone else names this debate" : null);
        }

        var after = await scene.FingerprintAsync();
        return (answer, after == before ? null : $"refused, but {before} became {after}");
    }

    /// <summary>Real arguments for each method, so that only authorisation can refuse the call.</summary>
    private static object?[] HubArguments(string method, MatrixScene s, RoomClient caller)
    {
        var id = s.This.Id;
        return method switch
        {
            "Join" => [new JoinRequest(s.This.JoinCode, s.NextName())],
            "Resume" => [new ResumeRequest(id, caller.Token is "" ? s.ForgedToken : caller.Token)],
            "PostArgument" => [new PostArgumentRequest(Guid.NewGuid().ToString(), Said($"Closed labs concentrate power ({Guid.NewGuid():N})."), null)],
            "SubmitBallot" => [new BallotRequest(Guid.NewGuid().ToString(), 0, ["for"])],
            "Leave" => [],
            "Watch" => [new WatchRequest(s.This.JoinCode)],
            "Arguments" => [new ArgumentPageRequest(id, 1, s.Student.Side, null, 10)],
            "Extend" => [id, 30],
            "SetLocked" => [id, true],
            "SetCapacity" => [id, 40],
            "SetApproveJoins" => [id, true],
            "Admit" => [id, s.WaitingId],
            "SetModeration" => [id, Moderation.BeforeProjector],
            "ApproveArgument" => [id, s.ArgumentId],
            "ApproveName" => [id, s.NameHeldId],
            "MoveStudent" => [id, s.Student.ParticipantId, s.Student.Side.Opposite()],
            "HideArgument" => [id, s.ArgumentId, "Off topic"],
            "RestoreArgument" => [id, s.ArgumentId],
            "SetMuted" => [id, s.Student.ParticipantId, true],
            "Kick" => [id, s.Student.ParticipantId],
            "Rename" => [id, s.Student.ParticipantId, s.NextName()],
            _ => [id],
        };
    }

    private HttpRequestMessage Request(string endpoint, MatrixScene s)
    {
        var (method, path) = (endpoint.Split(' ')[0], endpoint.Split(' ')[1].Replace("{id}", s.This.Id.ToString(), StringComparison.Ordinal));
        if (path.Contains("{participantId}", StringComparison.Ordinal))
        {
            path = path.Replace("{participantId}", s.Student.ParticipantId.ToString(), StringComparison.Ordinal);
        }

        return new HttpRequestMessage(new HttpMethod(method), path)
        {
            // Anyone may sign in: every caller presents the owner's e-mail and password.
            Content = endpoint switch
            {
                "POST /api/auth/sign-in" => JsonContent.Create(new Credentials(world.Owner.Email, RealServer.Password), options: Wire.Json),
                "POST /api/auth/setup" => JsonContent.Create(new SetupRequest(Said(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))), "newcomer@example.edu", RealServer.Password), options: Wire.Json),
                "POST /api/debates" => JsonContent.Create(new CreateDebateRequest("open-and-closed-models", null), options: Wire.Json),
                "PUT /api/debates/{id}/plan" => JsonContent.Create(InstructorDesk.EditedPlan, options: Wire.Json),
                _ => null,
            },
        };
    }

    private static async Task<string> HubAnswerAsync(Func<Task> call)
    {
        try
        {
            await call();
            return Label(Allowed);
        }
        catch (HubException e)
        {
            return HubCode().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : e.Message;
        }
    }

    private static string Label(Expect expected) => expected switch
    {
        Allowed or InOwnDebate => "allowed",
        Unauthorized => "unauthorized",
        NotFound => "notFound",
        AlreadyJoined => "alreadyJoined",
        _ => "invalidToken",
    };

    /// <summary>A status, with the problem's code where the document names one: 401 unauthenticated, 404 notFound.</summary>
    private static string RestLabel(int status, string? code) => status is 401 or 404 ? $"{status} {code ?? "(no code)"}" : $"{status}";

    private static string? ProblemCode(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        using var problem = JsonDocument.Parse(body);
        return problem.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    private static string Said(string secret)
    {
        Ledger.Secret(secret);
        return secret;
    }

    private static string Section(string from, string to)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "docs", "protocol.md")))
        {
            folder = folder.Parent ?? throw new FileNotFoundException("docs/protocol.md is not above the test's folder.");
        }

        var text = File.ReadAllText(Path.Combine(folder.FullName, "docs", "protocol.md"));
        var start = text.IndexOf(from, StringComparison.Ordinal);
        return text[start..text.IndexOf(to, start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"^\| `([A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex HubTableRow();

    [GeneratedRegex(@"`((?:GET|POST|PUT|PATCH|DELETE) /[^`\s]*)`")]
    private static partial Regex Endpoint();

    [GeneratedRegex(@"HubException: ([a-z][A-Za-z]*): ")]
    private static partial Regex HubCode();
}

/// <summary>What the protocol document says a caller gets from a hub method.</summary>
internal enum Expect
{
    /// <summary>The call succeeds.</summary>
    Allowed,

    /// <summary>The call succeeds in the caller's own debate; this one doesn't change.</summary>
    InOwnDebate,

    /// <summary>An instructor method without the instructor's sign-in: <c>unauthorized</c> (§2.3).</summary>
    Unauthorized,

    NotFound,

    InvalidToken,

    /// <summary>A connection that speaks for a student joins as someone else (§3.1 Join).</summary>
    AlreadyJoined,
}

/// <summary>A hub method's row: the stage its debates are put in, then one expectation per caller, in <see cref="MatrixCaller"/> order.</summary>
internal sealed record HubRow(string Method, MatrixStage Stage, params Expect[] Columns);

/// <summary>An endpoint's row: "METHOD /path", then the documented status per caller, in <see cref="MatrixCaller"/> order.</summary>
internal sealed record RestRow(string Endpoint, params int[] Columns);
