namespace OpenClosedDebate.Server.Tests;

using System.Net.Http.Json;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;
using Microsoft.AspNetCore.SignalR.Client;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// The answers shown in docs/protocol.md are the server's, not written by hand: each example marked
/// <c>&lt;!-- captured: name --&gt;</c> is what a real server (in process, on a fake clock) answered at that point of one
/// scripted debate, with its random values replaced by stable stand-ins (<see cref="StableJson"/>). The marker may
/// leave parts out: <c>&lt;!-- captured: join; snapshot.debate = DebateView, see §4.3 --&gt;</c> shows that value as
/// <c>{ "…": "DebateView, see §4.3" }</c>. The test fails while the document shows something else; run it with
/// OCD_WRITE_GOLDEN=1 to write the answers in, then ProtocolPartsTests the same way to cut the parts again.
/// </summary>
public sealed partial class ProtocolCaptureTests
{
    private const int Width = 180;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_captured_examples_in_the_protocol_document_are_what_the_server_answers()
    {
        var captured = await CaptureAsync();
        var path = Path.Combine(Repository.Root, "docs", "protocol.md");
        var document = await File.ReadAllTextAsync(path, Ct);

        var (written, used) = WriteIn(document, captured);

        Assert.Equal(captured.Keys.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
        await GoldenFile.CheckAsync(Path.Combine("docs", "protocol.md"), written, "Run this test with OCD_WRITE_GOLDEN=1, then ProtocolPartsTests the same way.");
    }

    [Fact]
    public void A_capture_is_laid_out_on_one_line_when_it_fits_and_leaves_out_what_its_marker_names()
    {
        var value = JsonNode.Parse("""{ "a": 1, "b": { "c": [1, 2], "d": { "e": "x" } }, "long": [ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc" ] }""")!;
        var marker = Marker.Parse("<!-- captured: thing; b.d = Inner, see §9 -->")!;

        Assert.Equal(
            """
            {
              "a": 1,
              "b": { "c": [1, 2], "d": { "…": "Inner, see §9" } },
              "long": [
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
                "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
              ]
            }
            """.ReplaceLineEndings("\n"),
            Layout(marker.LeaveOut(value)));
    }

    /// <summary>One debate, start to finish, and what the server answered along the way, by the names the document uses.</summary>
    private static async Task<Dictionary<string, JsonNode>> CaptureAsync()
    {
        var answers = new List<(string Name, JsonNode? Value)>();
        void Keep<T>(string name, T value) => answers.Add((name, JsonSerializer.SerializeToNode(value, Wire.Json)));

        // The server's own limits, as a deployment has them: they show in the examples (the instructor's `joins`).
        await using var server = new DebateServer(rateLimits: new Dictionary<string, string?>());
        var teacher = await server.TeacherAsync("you@example.edu", "a long password");
        var signIn = await server.CreateClient().PostAsJsonAsync("/api/auth/sign-in", new Credentials("you@example.edu", "a long password"), Wire.Json, Ct);
        answers.Add(("signIn", await BodyAsync(signIn)));
        var refused = await teacher.Http.PostAsJsonAsync("/api/debates", new CreateDebateRequest(null, Plan with { Motion = "  ", Rounds = [Plan.Rounds[0] with { VoteSeconds = 5 }] }), Wire.Json, Ct);
        answers.Add(("invalidPlan", await BodyAsync(refused)));
        var created = await teacher.Http.PostAsJsonAsync("/api/debates", new CreateDebateRequest(null, Plan), Wire.Json, Ct);
        answers.Add(("created", await BodyAsync(created)));
        var debate = (await created.Content.ReadFromJsonAsync<DebateDetail>(Wire.Json, Ct))!;
        await using var console = await teacher.ConnectAsync();
        await console.AttachAsync(debate.Id);
        await console.ControlAsync("OpenLobby");

        var students = new List<RoomClient>();
        foreach (var name in (string[])["Ada", "Margaret", "Ben", "Chen"])
        {
            var student = await server.ConnectAsync();
            var joined = await student.JoinAsync(debate.JoinCode, name);
            if (name == "Ada")
            {
                Keep("join", joined);
                Keep("debate", joined.Snapshot.Debate);
            }

            students.Add(student);
        }

        var (ada, margaret, ben, chen) = (students[0], students[1], students[2], students[3]);
        await console.WaitUntilAsync(v => v.Roster.Count == 4, "four students");
        await console.ControlAsync("Start");
        await EveryoneSeesAsync(students, 0, Phase.Vote);
        answers.Add(("wrongStatus", await BodyAsync(await teacher.Http.PutAsJsonAsync($"/api/debates/{debate.Id}/plan", Plan, Wire.Json, Ct))));

        // Round 0, the vote before the debate: 3 for, 1 against.
        foreach (var (student, choice) in students.Zip(["for", "for", "against", "for"]))
        {
            await student.VoteAsync(0, choice);
        }

        server.Time.Advance(TimeSpan.FromSeconds(12));
        await console.ControlAsync("Skip");
        await EveryoneSeesAsync(students, 0, Phase.Results);
        Keep("update", ada.Updates.First(u => u.Events.Any(e => e is ResultsPublished)));
        await console.ControlAsync("Skip");
        await EveryoneSeesAsync(students, 1, Phase.Vote);

        // Round 1, ranking three aspects of openness.
        server.Time.Advance(TimeSpan.FromSeconds(3));
        Keep("ballot", await ada.Connection.InvokeAsync<BallotAck>("SubmitBallot", new BallotRequest("r1", 1, ["option-2", "option-1"]), Ct));
        await margaret.VoteAsync(1, "option-1", "option-3");
        await ben.VoteAsync(1, "option-1", "option-2");
        await console.ControlAsync("Skip");
        await EveryoneSeesAsync(students, 1, Phase.Results);
        await console.ControlAsync("Skip");
        await EveryoneSeesAsync(students, 2, Phase.Argue);

        // Round 2, the argument round, each side unseen by the other until the vote.
        server.Time.Advance(TimeSpan.FromSeconds(5));
        Keep("post", await ada.PostAsync("Open weights let anyone audit a model for bias.", requestId: "arg-1"));
        var hidden = (await ada.PostAsync("Misuse at scale is cheap with open weights.")).Argument.Id;
        var margarets = (await margaret.PostAsync("Closed labs can recall a model that goes wrong.")).Argument.Id;
        await ben.PostAsync("Open models let schools run them offline.");
        await chen.PostAsync("Closed models get safety fixes to everyone at once.");
        await console.ControlAsync("HideArgument", hidden, "Off topic");
        server.Time.Advance(TimeSpan.FromSeconds(7));
        await using (var phone = await server.ConnectAsync())
        {
            var resumed = await phone.ResumeAsync(ada.DebateId, ada.Token);
            Keep("resume", resumed);
            Keep("you", resumed.You);
        }

        await console.ControlAsync("Skip");
        await EveryoneSeesAsync(students, 2, Phase.Vote);
        var arguments = console.Read(v => v.Arguments.Values.Where(a => !a.Hidden).OrderBy(a => a.Seq).Select(a => a.Id.ToString()).ToList());
        await ada.VoteAsync(2, arguments[1], arguments[3]);
        await margaret.VoteAsync(2, arguments[0], arguments[2]);
        await ben.VoteAsync(2, arguments[1], arguments[0]);
        await chen.VoteAsync(2, arguments[2], arguments[1]);
        await console.ControlAsync("Skip");
        await EveryoneSeesAsync(students, 2, Phase.Results);
        await console.ControlAsync("Skip");
        await EveryoneSeesAsync(students, 3, Phase.Vote);

        // Round 3, the vote after the debate: 1 for, 3 against.
        foreach (var (student, choice) in students.Zip(["for", "against", "against", "against"]))
        {
            await student.VoteAsync(3, choice);
        }

        await console.ControlAsync("Skip");
        await console.WaitUntilAsync(v => v.Results.Count == 4, "every round's result");
        var results = console.Read(v => v.Results);
        Keep("argumentResult", results[2]);
        Keep("rankingResult", results[1]);
        Keep("motionResult", results[3]);
        Assert.Contains(margarets.ToString(), results[2].Ranking!.Items.Select(i => i.ItemId));
        await console.ControlAsync("Skip");
        await console.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the debate finished");
        await using (var laptop = await teacher.ConnectAsync())
        {
            Keep("attach", await laptop.AttachAsync(debate.Id));
        }

        answers.Add(("list", await BodyAsync(await teacher.Http.GetAsync("/api/debates", Ct))));
        answers.Add(("templates", await BodyAsync(await teacher.Http.GetAsync("/api/templates", Ct))));

        // Deleting the debate tells everyone in the room, in one update of one event.
        var before = ada.Updates.Count;
        using (var deleted = await teacher.Http.DeleteAsync($"/api/debates/{debate.Id}", Ct))
        {
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await ada.WaitUntilAsync(v => v.RemovedMessage is not null, "Ada told the debate is gone");
        Keep("deleted", ada.Updates.Skip(before).Single());

        // §4.3's worked example: Wikipedia's Tennessee ballots, cast by 100 students, counted both ways.
        // 100 students at once is more than a room lets in at one go, so this count has a server without limits.
        await using var counting = new DebateServer();
        answers.Add(("runoff", await TennesseeAsync(counting, TallyMethod.InstantRunoff, r => r.Ranking)));
        answers.Add(("pairwise", await TennesseeAsync(counting, TallyMethod.Schulze, r => r.Ranking!.Pairwise)));

        // Pseudonyms show as authors' names too, so each is known before anything is replaced, in join order.
        var stable = new StableJson();
        foreach (var student in students)
        {
            stable.Register("pseudonym", console.Read(v => v.Roster[student.ParticipantId].Pseudonym));
        }

        return answers.ToDictionary(a => a.Name, a => stable.Apply(a.Value)!, StringComparer.Ordinal);
    }

    /// <summary>
    /// A ranking round of Memphis, Nashville, Chattanooga and Knoxville under <paramref name="method"/>, with the 100
    /// ballots of Wikipedia's Tennessee example cast by 100 students, and the part of its result the document shows.
    /// </summary>
    private static async Task<JsonNode?> TennesseeAsync(DebateServer server, TallyMethod method, Func<ResultView, object?> part)
    {
        string[] cities = ["Memphis", "Nashville", "Chattanooga", "Knoxville"];
        (int Count, string Order)[] profile = [(42, "1234"), (26, "2341"), (15, "3421"), (17, "4321")];
        var teacher = await server.TeacherAsync($"{method}@example.edu");
        var debate = await teacher.CreateAsync(new DebatePlan
        {
            Motion = "Tennessee's capital should be moved.",
            Settings = new DebateSettings { TallyMethod = method, MaxRankedItems = 4 },
            Rounds = [new RoundPlan { Title = "The capital", Prompt = "Rank the cities.", Kind = RoundKind.Ranking, Options = cities, VoteSeconds = 60 }],
        });
        await using var console = await teacher.ConnectAsync();
        await console.AttachAsync(debate.Id);
        await console.ControlAsync("OpenLobby");
        var voters = new List<RoomClient>();
        for (var i = 0; i < 100; i++)
        {
            voters.Add(await server.StudentAsync(debate.JoinCode, $"Voter {i + 1}"));
        }

        await console.ControlAsync("Start");
        await EveryoneSeesAsync(voters, 0, Phase.Vote);
        var next = 0;
        foreach (var (count, order) in profile)
        {
            foreach (var voter in voters.Skip(next).Take(count))
            {
                await voter.VoteAsync(0, [.. order.Select(c => $"option-{c}")]);
            }

            next += count;
        }

        await console.ControlAsync("Skip");
        await console.WaitUntilAsync(v => v.Results.Count == 1, "the count");
        var result = console.Read(v => v.Results[0]);
        foreach (var voter in voters)
        {
            await voter.DisposeAsync();
        }

        return JsonSerializer.SerializeToNode(part(result), Wire.Json);
    }

    private static async Task<JsonNode?> BodyAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));

    private static async Task EveryoneSeesAsync(List<RoomClient> students, int round, Phase phase)
    {
        foreach (var s in students)
        {
            await Scenario.WaitForPhaseAsync(s, round, phase);
        }
    }

    /// <summary>The debate the captures come from: a vote before, a ranking, one argument round, a vote after.</summary>
    private static DebatePlan Plan => new()
    {
        Motion = "This house believes that AI models should be open.",
        Settings = new DebateSettings
        {
            SideAssignment = SideAssignmentMode.Alternating,
            Visibility = ArgumentVisibility.OwnSide,
            MaxRankedItems = 2,
            Anonymous = true,
        },
        PreReading = [new PreReading("Open-Source AI Is Good for Us", "https://spectrum.ieee.org/open-source-ai-good")],
        Rounds =
        [
            new RoundPlan { Title = "Before the debate", Prompt = "Where do you stand?", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
            new RoundPlan
            {
                Title = "Aspects of openness",
                Prompt = "Which matters most for research?",
                Kind = RoundKind.Ranking,
                Options = ["Model architectures", "Model weights", "Training data"],
                VoteSeconds = 120,
            },
            new RoundPlan
            {
                Title = "Risks",
                Prompt = "Name a risk unique to one kind of model.",
                Kind = RoundKind.Argument,
                OpenBrief = "Closed risks are worse.",
                ClosedBrief = "Open risks are worse.",
                Scenario = OpennessScenario.ArchitectureAndWeights,
                ArgueSeconds = 300,
                VoteSeconds = 90,
            },
            new RoundPlan { Title = "After the debate", Prompt = "Where do you stand now?", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
        ],
    };

    /// <summary>The document with each captured example written in, and the names of the captures it used.</summary>
    private static (string Text, List<string> Used) WriteIn(string document, Dictionary<string, JsonNode> captured)
    {
        var lines = document.ReplaceLineEndings("\n").Split('\n').ToList();
        var used = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (Marker.Parse(lines[i]) is not { } marker)
            {
                continue;
            }

            var open = lines.FindIndex(i + 1, l => l.Trim() == "```json");
            var close = lines.FindIndex(open + 1, l => l.Trim() == "```");
            Assert.True(open > i && open <= i + 2, $"line {i + 1}: a captured marker must come just before its example (after the schema line)");
            Assert.True(captured.TryGetValue(marker.Name, out var value), $"line {i + 1}: nothing was captured as {marker.Name}");
            lines.RemoveRange(open + 1, close - open - 1);
            var indent = lines[open][..(lines[open].Length - lines[open].TrimStart().Length)];
            lines.InsertRange(open + 1, Layout(marker.LeaveOut(value!), marker.Key).Split('\n').Select(l => indent + l));
            used.Add(marker.Name);
        }

        return (string.Join('\n', lines), used);
    }

    /// <summary>A capture's name, and the parts of it the document leaves out, each with what it says in their place.</summary>
    private sealed record Marker(string Name, string? Key, IReadOnlyList<(string Path, string Label)> Omitted)
    {
        public static Marker? Parse(string line)
        {
            var match = CapturedLine().Match(line.Trim());
            if (!match.Success)
            {
                return null;
            }

            // "as ranking" shows the value as one property of an object: "ranking": { … }.
            var parts = match.Groups[1].Value.Split(';', StringSplitOptions.TrimEntries);
            var key = parts.Skip(1).FirstOrDefault(p => p.StartsWith("as ", StringComparison.Ordinal))?[3..];
            var omitted = parts.Skip(1).Where(p => !p.StartsWith("as ", StringComparison.Ordinal)).Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries));
            return new Marker(parts[0], key, [.. omitted.Select(p => (p[0], p[1]))]);
        }

        public JsonNode LeaveOut(JsonNode value)
        {
            var copy = value.DeepClone();
            foreach (var (path, label) in Omitted)
            {
                // A path is property names and array indexes: snapshot.debate, events.0.result.
                var steps = path.Split('.');
                var parent = steps[..^1].Aggregate(copy, (node, step) => Step(node, step) ?? throw new InvalidOperationException($"{Name}: no {path}"));
                Assert.True(Step(parent, steps[^1]) is not null, $"{Name}: no {path}");
                if (parent is JsonArray array)
                {
                    array[int.Parse(steps[^1], System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject { ["…"] = label };
                }
                else
                {
                    parent[steps[^1]] = new JsonObject { ["…"] = label };
                }
            }

            return copy;
        }

        private static JsonNode? Step(JsonNode node, string step) =>
            node is JsonArray array ? (int.TryParse(step, out var i) && i < array.Count ? array[i] : null) : node[step];
    }

    [GeneratedRegex(@"^<!-- captured: (.+?) -->$")]
    private static partial Regex CapturedLine();

    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON as the document shows it: a value on one line when it fits, otherwise one member per line.</summary>
    private static string Layout(JsonNode value, string? key = null)
    {
        var text = new StringBuilder();
        var prefix = key is null ? "" : JsonSerializer.Serialize(key, Compact) + ": ";
        text.Append(prefix);
        Write(value, text, indent: 0, prefix: prefix.Length);
        return text.ToString();
    }

    private static void Write(JsonNode? value, StringBuilder text, int indent, int prefix)
    {
        var flat = Flat(value);
        if (indent + prefix + flat.Length <= Width || value is not (JsonObject or JsonArray))
        {
            text.Append(flat);
            return;
        }

        var pad = new string(' ', indent + 2);
        var (first, last) = value is JsonObject ? ('{', '}') : ('[', ']');
        text.Append(first).Append('\n');
        var members = value is JsonObject o
            ? o.Select(p => (Key: JsonSerializer.Serialize(p.Key, Compact) + ": ", p.Value)).ToList()
            : value.AsArray().Select(v => (Key: "", Value: v)).ToList();
        for (var i = 0; i < members.Count; i++)
        {
            text.Append(pad).Append(members[i].Key);
            Write(members[i].Value, text, indent + 2, members[i].Key.Length + 1);
            text.Append(i < members.Count - 1 ? ",\n" : "\n");
        }

        text.Append(new string(' ', indent)).Append(last);
    }

    private static string Flat(JsonNode? value) => value switch
    {
        JsonObject { Count: 0 } => "{}",
        JsonObject o => "{ " + string.Join(", ", o.Select(p => JsonSerializer.Serialize(p.Key, Compact) + ": " + Flat(p.Value))) + " }",
        JsonArray a => "[" + string.Join(", ", a.Select(Flat)) + "]",
        null => "null",
        _ => value.ToJsonString(Compact),
    };
}
