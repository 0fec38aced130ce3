namespace OpenClosedDebate.Hardening.Tests;

using System.Text;

/// <summary>Who makes a fuzzed hub call: which cookie its connection carries and what it has joined.</summary>
internal enum SeatKind
{
    Anonymous,
    Student,
    Owner,
    Foreign,
}

/// <summary>One fuzzed hub call: a method name and its arguments as raw JSON.</summary>
internal sealed record FuzzCall(string Method, RawJson[] Args)
{
    public override string ToString() => $"{Method}({string.Join(", ", Args.Select(a => a.ToString()))})";
}

/// <summary>
/// Makes fuzzed calls to every hub method of protocol §3 and to names that aren't hub methods: most with
/// the right number of arguments of nearly the right shape and a wrong value somewhere, the rest with
/// any number of arguments of any type. Every choice comes from <see cref="FuzzJson"/>'s seed.
/// </summary>
internal sealed class HubFuzzCalls(FuzzJson json, FuzzTargets targets)
{
    /// <summary>Every hub method and the kinds of its positional arguments.</summary>
    public static readonly IReadOnlyDictionary<string, Arg[]> Methods = new Dictionary<string, Arg[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Join"] = [Arg.JoinRequest], ["Resume"] = [Arg.ResumeRequest], ["PostArgument"] = [Arg.PostRequest],
        ["SubmitBallot"] = [Arg.BallotRequest], ["Leave"] = [], ["Watch"] = [Arg.WatchRequest],
        ["Arguments"] = [Arg.PageRequest],
        ["Attach"] = [Arg.Debate], ["OpenLobby"] = [Arg.Debate], ["Start"] = [Arg.Debate], ["Pause"] = [Arg.Debate],
        ["ResumeClock"] = [Arg.Debate], ["Extend"] = [Arg.Debate, Arg.Seconds], ["Skip"] = [Arg.Debate], ["RevealResults"] = [Arg.Debate], ["End"] = [Arg.Debate],
        ["SetLocked"] = [Arg.Debate, Arg.Flag], ["SetCapacity"] = [Arg.Debate, Arg.Seconds], ["SetApproveJoins"] = [Arg.Debate, Arg.Flag],
        ["Admit"] = [Arg.Debate, Arg.Participant], ["AdmitAll"] = [Arg.Debate], ["TurnAwayWaiting"] = [Arg.Debate],
        ["MoveStudent"] = [Arg.Debate, Arg.Participant, Arg.Side],
        ["HideArgument"] = [Arg.Debate, Arg.Argument, Arg.Text], ["RestoreArgument"] = [Arg.Debate, Arg.Argument],
        ["SetMuted"] = [Arg.Debate, Arg.Participant, Arg.Flag], ["Kick"] = [Arg.Debate, Arg.Participant],
        ["Rename"] = [Arg.Debate, Arg.Participant, Arg.Text],
    };

    /// <summary>The methods only a signed-in instructor may call.</summary>
    public static readonly IReadOnlySet<string> InstructorMethods = Methods.Keys.Where(m => Methods[m] is [Arg.Debate, ..]).ToHashSet(StringComparer.OrdinalIgnoreCase);

    // Hub limit 64 KB: leave room for the frame around the arguments so no call is closed for size.
    private const int MostArgumentBytes = 65_000;

    private static readonly string[] NotMethods =
    [
        "Nope", "join", "ATTACH", "OnConnectedAsync", "OnDisconnectedAsync", "Dispose", "Control", "Owned", "EnterAsync",
        "UnbindAsync", "Student", "InstructorId", "ParticipantOf", "ToString", "GetHashCode", "GetType", "Equals", "Update",
        "Snapshot", "Clients", "Groups", "Context", " Join", "Join ", "Join\u0000", "Jöin", "Leave()", "DebateHub.Join",
        "Attach\n", new string('M', 500),
    ];

    private static readonly string[] Ends = ["Start", "Skip", "End", "Kick", "OpenLobby"];

    private static readonly string[] Sides =
    [
        "\"open\"", "\"closed\"", "\"Open\"", "\"CLOSED\"", "\"middle\"", "\"\"", "0", "1", "2", "-1", "7", "2147483647",
        "\"0\"", "\"1\"", "\"open,closed\"", "\" open\"", "null", "true",
    ];

    private static readonly string[] Flags = ["true", "false", "\"true\"", "0", "1", "null", "\"no\""];

    private static readonly string[] Limits = ["0", "1", "10", "50", "51", "-1"];

    private static readonly string[] Rounds = ["0", "1", "2", "3", "4", "-1", "30", "2147483647", "-2147483648", "2147483648", "\"1\"", "1.0", "null"];

    private static readonly string[] Items =
    [
        "\"for\"", "\"against\"", "\"undecided\"", "\"FOR\"", "\" for\"", "\"option-0\"", "\"option-1\"", "\"option-2\"",
        "\"option-3\"", "\"option-4\"", "\"option-1 \"", "\"option--1\"", "\"option-2147483648\"", "null", "7",
    ];

    private static readonly Dictionary<SeatKind, string[]> Favourites = new()
    {
        [SeatKind.Anonymous] = ["Join", "Resume", "Watch", "PostArgument", "Attach"],
        [SeatKind.Student] = ["PostArgument", "PostArgument", "SubmitBallot", "SubmitBallot", "Resume", "Join"],
        [SeatKind.Owner] = [.. InstructorMethods],
        [SeatKind.Foreign] = [.. InstructorMethods],
    };

    private int _requests;

    /// <summary>One call as <paramref name="seat"/> would make it.</summary>
    public FuzzCall Next(SeatKind seat)
    {
        var method = Method(seat);
        var pool = targets.Read();
        for (var attempt = 0; ; attempt++)
        {
            var args = Methods.TryGetValue(method, out var kinds) && attempt < 20 ? Arguments(kinds, seat, method, pool) : Anything();
            if (args.Sum(a => Encoding.UTF8.GetByteCount(a) + 1) <= MostArgumentBytes)
            {
                return new FuzzCall(method, [.. args.Select(a => new RawJson(a))]);
            }
        }
    }

    private string Method(SeatKind seat)
    {
        while (true)
        {
            var roll = json.Random.NextDouble();
            var method = roll < 0.5 ? json.Pick(Favourites[seat]) : roll < 0.9 ? json.Pick(Methods.Keys.ToList()) : json.Pick(NotMethods);

            // Leaving or watching unbinds a student for the rest of the stage; keep it rare so students mostly act as students.
            if (seat != SeatKind.Student || method is not ("Leave" or "Watch") || json.Chance(0.15))
            {
                return method;
            }
        }
    }

    private List<string> Anything() => [.. Enumerable.Range(0, json.Random.Next(5)).Select(_ => json.Value())];

    private List<string> Arguments(Arg[] kinds, SeatKind seat, string method, FuzzPool pool)
    {
        var roll = json.Random.NextDouble();
        if (roll < 0.12)
        {
            return Anything();
        }

        // The owner's calls that would end the walked debate, move it on or remove its students aim elsewhere.
        var spare = seat == SeatKind.Owner && Ends.Contains(method, StringComparer.OrdinalIgnoreCase);
        var args = kinds.Select(kind => json.Chance(0.04) ? json.Value() : Shaped(kind, spare, pool)).ToList();

        // Half the calls about a student name the student's own debate, so they get past "not found".
        if (kinds is [Arg.Debate, Arg.Participant, ..] && json.Chance(0.5) && pool.Students.Where(s => !spare || s.Debate != pool.Walked).ToList() is [_, ..] students)
        {
            var student = json.Pick(students);
            (args[0], args[1]) = (json.Guid(student.Debate), json.Guid(student.Id));
        }

        if (roll < 0.16 && args.Count > 0)
        {
            args.RemoveAt(json.Random.Next(args.Count));
        }
        else if (roll < 0.20)
        {
            args.Add(json.Value(1));
        }

        return args;
    }

    private string Shaped(Arg kind, bool spare, FuzzPool pool) => kind switch
    {
        Arg.JoinRequest => json.Object([("code", Code(pool.Codes)), ("name", Text()), ("requestId", RequestId())]),
        Arg.ResumeRequest => Resume(pool),
        Arg.PostRequest => json.Object([("requestId", RequestId()), ("text", Text()), ("replyToId", json.Chance(0.6) ? "null" : Id(pool.Arguments, Ids(pool.Students)))]),
        Arg.BallotRequest => json.Object([("requestId", RequestId()), ("roundIndex", json.Chance(0.5) ? $"{pool.Round}" : json.Pick(Rounds)), ("ranking", Ranking(pool.Arguments))]),
        Arg.WatchRequest => json.Object([("code", Code(pool.Codes))]),
        Arg.PageRequest => json.Object([
            ("debateId", json.Chance(0.6) ? json.Guid(pool.Walked) : Id(pool.Debates, Ids(pool.Students))),
            ("roundIndex", json.Chance(0.5) ? $"{pool.Round}" : json.Pick(Rounds)),
            ("side", json.Pick(Sides)),
            ("before", json.Chance(0.5) ? "null" : json.Number()),
            ("limit", json.Chance(0.6) ? json.Pick(Limits) : json.Number())]),
        Arg.Debate => spare || json.Chance(0.6) ? Id([.. pool.Debates.Where(d => !spare || d != pool.Walked)], Ids(pool.Students)) : json.Guid(pool.Walked),
        Arg.Participant => Id(Ids(pool.Students), pool.Debates),
        Arg.Argument => Id(pool.Arguments, Ids(pool.Students)),
        Arg.Seconds => json.Chance(0.8) ? json.Number() : json.Value(1),
        Arg.Flag => json.Pick(Flags),
        Arg.Side => json.Pick(Sides),
        _ => Text(),
    };

    private static Guid[] Ids(FuzzStudent[] students) => [.. students.Select(s => s.Id)];

    // A student's own debate and token, or either one mixed with anything else.
    private string Resume(FuzzPool pool)
    {
        if (pool.Students.Length > 0 && json.Chance(0.4))
        {
            var student = json.Pick(pool.Students);
            return json.Object([("debateId", json.Guid(student.Debate)), ("token", FuzzJson.Quote(student.Token))]);
        }

        return json.Object([("debateId", Id(pool.Debates, Ids(pool.Students))), ("token", Token([.. pool.Students.Select(s => s.Token)]))]);
    }

    // A real id most of the time, else a random one, the empty one, or an id of the wrong kind.
    private string Id(Guid[] real, Guid[] wrongKind) => json.Random.Next(10) switch
    {
        < 6 when real.Length > 0 => json.Guid(json.Pick(real)),
        6 => json.Guid(Guid.Empty),
        7 when wrongKind.Length > 0 => json.Guid(json.Pick(wrongKind)),
        _ => json.Guid(json.NewGuid()),
    };

    private string Code(string[] real) => json.Random.Next(10) switch
    {
        < 3 => FuzzJson.Quote(json.Pick(real)),
        3 => FuzzJson.Quote(string.Join("-", json.Pick(real).Chunk(3).Select(c => new string(c))).ToLowerInvariant()),
        4 => FuzzJson.Quote($" {json.Pick(real)} "),
        5 => FuzzJson.Quote(new string([.. Enumerable.Range(0, 6).Select(_ => "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"[json.Random.Next(32)])])),
        6 => FuzzJson.Quote(json.Pick(real) + new string('-', 27)),
        7 when json.Chance(0.5) => json.Value(1),
        _ => FuzzJson.Quote(json.Text()),
    };

    private string Token(string[] real) => json.Random.Next(10) switch
    {
        < 5 when real.Length > 0 => FuzzJson.Quote(json.Pick(real)),
        5 when real.Length > 0 => FuzzJson.Quote(json.Pick(real) + "A"),
        6 => json.Value(1),
        _ => FuzzJson.Quote(json.Text()),
    };

    private string RequestId() => json.Random.Next(10) switch
    {
        < 5 => FuzzJson.Quote($"fuzz-{Interlocked.Increment(ref _requests)}"),
        5 or 6 => FuzzJson.Quote($"same-{json.Random.Next(4)}"),
        7 when json.Chance(0.5) => json.Value(1),
        _ => FuzzJson.Quote(json.Text()),
    };

    private string Text() => json.Chance(0.95) ? FuzzJson.Quote(json.Text()) : json.Value(1);

    private string Ranking(Guid[] arguments) => json.Random.Next(10) switch
    {
        < 3 => $"[{(arguments.Length > 0 && json.Chance(0.3) ? json.Guid(json.Pick(arguments)) : json.Pick(Items[..8]))}]",
        3 => json.Value(2),
        4 => "[" + string.Join(",", Enumerable.Repeat(json.Pick(Items), 1000)) + "]",
        5 => "[\"for\",\"for\"]",
        _ => json.Array(() => arguments.Length > 0 && json.Chance(0.5) ? json.Guid(json.Pick(arguments)) : json.Chance(0.8) ? json.Pick(Items) : Text(), 5),
    };
}

/// <summary>The kinds of hub argument <see cref="HubFuzzCalls"/> knows how to get nearly right.</summary>
internal enum Arg
{
    JoinRequest,
    ResumeRequest,
    PostRequest,
    BallotRequest,
    WatchRequest,
    PageRequest,
    Debate,
    Participant,
    Argument,
    Seconds,
    Flag,
    Side,
    Text,
}
