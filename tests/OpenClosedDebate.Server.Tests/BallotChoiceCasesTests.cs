namespace OpenClosedDebate.Server.Tests;

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A student's phone builds their ballot from the snapshot (client/src/state.ts, ballotChoices); the rule of what a
/// ballot may rank is the domain's. These cases are real debates in their vote, each with an argument of every kind
/// (the student's own, a classmate's, a hidden one, held ones of both, one approved during the vote): the student's
/// snapshot, and which arguments the server accepted when the student ranked each one. They are written to
/// client/src/student/ballotChoices.cases.json, and the client's tests hold ballotChoices to exactly the accepted ones.
/// A change to what a ballot may rank fails here until the file is written again (OCD_WRITE_GOLDEN=1), and then fails
/// the client's tests until ballotChoices follows.
/// </summary>
public sealed class BallotChoiceCasesTests
{
    [Fact]
    public async Task The_client_ballot_cases_are_what_the_server_accepts()
    {
        var cases = new JsonArray();
        foreach (var (name, moderation, ownAllowed, visibility) in Cases())
        {
            cases.Add(await CaseAsync(name, moderation, ownAllowed, visibility));
        }

        var written = cases.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        await GoldenFile.CheckAsync(
            Path.Combine("client", "src", "student", "ballotChoices.cases.json"),
            written,
            "Run this test with OCD_WRITE_GOLDEN=1, then make ballotChoices agree (cd client && npx vitest run).");
    }

    private static IEnumerable<(string Name, Moderation Moderation, bool OwnAllowed, ArgumentVisibility Visibility)> Cases()
    {
        yield return ("own arguments not allowed, held before everyone", Moderation.BeforeEveryone, false, ArgumentVisibility.Everyone);
        yield return ("own arguments allowed, held before everyone", Moderation.BeforeEveryone, true, ArgumentVisibility.Everyone);
        yield return ("held before the projector only, so classmates see them waiting", Moderation.BeforeProjector, false, ArgumentVisibility.Everyone);
        yield return ("each side argues unseen by the other until the vote", Moderation.BeforeProjector, true, ArgumentVisibility.OwnSide);
    }

    private static async Task<JsonObject> CaseAsync(string name, Moderation moderation, bool ownAllowed, ArgumentVisibility visibility)
    {
        await using var server = new DebateServer();
        var settings = new DebateSettings { AllowRankingOwnArgument = ownAllowed, Visibility = visibility, SideAssignment = SideAssignmentMode.Alternating };
        await using var room = await RunningDebate.ArguingAsync(server, Scenario.OneArgumentRound(settings: settings));
        var (ada, ben) = (room.Students[0], room.Students[1]);

        var posted = new List<Guid>
        {
            (await ada.PostAsync("Open weights let anyone audit a model.")).Argument.Id,
            (await ben.PostAsync("Closed labs can recall a model.")).Argument.Id,
        };
        var hidden = (await ben.PostAsync("Off topic.")).Argument.Id;
        await room.Console.ControlAsync("HideArgument", hidden, "Not about the motion.");
        await room.Console.ControlAsync("SetModeration", moderation);
        posted.Add(hidden);
        posted.Add((await ada.PostAsync("Open models let schools run them offline.")).Argument.Id);
        posted.Add((await ben.PostAsync("Closed models get safety fixes at once.")).Argument.Id);
        var late = (await ben.PostAsync("A closed model can be switched off.")).Argument.Id;
        posted.Add(late);
        await RunningDebate.SkipToVoteAsync(room);
        await room.Console.ControlAsync("ApproveArgument", late);
        await ada.WaitUntilAsync(v => v.Arguments.TryGetValue(late, out var a) && a.OffBallot, "the argument approved during the vote");

        // What Ada's phone loads on a reconnect, then what the server takes when she ranks each argument alone.
        await using var phone = await server.ConnectAsync();
        var snapshot = await phone.ResumeAsync(ada.DebateId, ada.Token);
        var accepted = new List<Guid>();
        foreach (var id in posted)
        {
            try
            {
                await phone.VoteAsync(0, id.ToString());
                accepted.Add(id);
            }
            catch (HubException e) when (e.Message.Contains("HubException: invalidBallot: ", StringComparison.Ordinal))
            {
            }
        }

        Assert.NotEmpty(accepted);
        Assert.NotEqual(posted.Count, accepted.Count);
        var stable = new StableJson();
        return new JsonObject
        {
            ["name"] = name,
            ["roundIndex"] = 0,
            ["snapshot"] = stable.Apply(JsonSerializer.SerializeToNode(snapshot, Wire.Json)),
            ["accepted"] = stable.Apply(JsonSerializer.SerializeToNode(accepted.Select(id => id.ToString()), Wire.Json)),
        };
    }
}
