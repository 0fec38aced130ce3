namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Server.Contract;

/// <summary>
/// Issue 12's class, played through real hub connections: six students, a pre-debate vote of For 3,
/// Against 1, Undecided 2, one argument round, and a post-debate vote of For 4, Against 2, each side
/// gaining exactly one voter in six. The post-debate results are held (untimed), so the debate is still
/// running and the instructor can moderate after every round has closed.
/// </summary>
public sealed record SixStudentDebate(Scenario Room, Guid AnnArgument, Guid BobArgument, Guid CyArgument, Guid DeeArgument)
{
    public static readonly string[] Names = ["Ann", "Bob", "Cy", "Dee", "Eve", "Fay"];

    public RoomClient Student(string name) => Room.Students[Array.IndexOf(Names, name)];

    /// <summary>
    /// Plays it. Ann and Cy argue open, Bob and Dee closed; Dee's argument is hidden while arguing, so it is
    /// no candidate. Ballots (K = 2): Bob [Ann's, Cy's], Cy [Bob's, Ann's], Dee [Ann's, Bob's], Eve [Ann's], Fay [Bob's].
    /// </summary>
    public static async Task<SixStudentDebate> PlayAsync(DebateServer server)
    {
        var plan = new DebatePlan
        {
            Motion = "Frontier models should be open.",
            Settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, MaxRankedItems = 2 },
            Rounds =
            [
                new RoundPlan { Title = "Before", Prompt = "Vote on the motion.", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
                new RoundPlan { Title = "Research", Prompt = "Argue for your side.", Kind = RoundKind.Argument, ArgueSeconds = 300, VoteSeconds = 90 },
                new RoundPlan { Title = "After", Prompt = "Vote again.", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
            ],
        };
        var room = await Scenario.LobbyAsync(server, plan, Names);
        var s = room.Students;
        await room.Console.ControlAsync("Start");
        await room.EveryoneSeesPhaseAsync(0, Phase.Vote);
        string[] before = [MotionItems.For, MotionItems.For, MotionItems.For, MotionItems.Against, MotionItems.Undecided, MotionItems.Undecided];
        for (var i = 0; i < s.Count; i++)
        {
            await s[i].VoteAsync(0, before[i]);
        }

        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(1, Phase.Argue);
        var ann = (await s[0].PostAsync("Open weights let anyone audit a model.")).Argument.Id;
        var bob = (await s[1].PostAsync("A closed lab can recall a model that misbehaves.")).Argument.Id;
        var cy = (await s[2].PostAsync("Open models let small labs do research.")).Argument.Id;
        var dee = (await s[3].PostAsync("Off topic, posted to be hidden.")).Argument.Id;
        await room.Console.ControlAsync("HideArgument", dee, "Off topic.");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(1, Phase.Vote);
        await s[1].VoteAsync(1, ann.ToString(), cy.ToString());
        await s[2].VoteAsync(1, bob.ToString(), ann.ToString());
        await s[3].VoteAsync(1, ann.ToString(), bob.ToString());
        await s[4].VoteAsync(1, ann.ToString());
        await s[5].VoteAsync(1, bob.ToString());
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(2, Phase.Vote);
        string[] after = [MotionItems.For, MotionItems.For, MotionItems.For, MotionItems.Against, MotionItems.For, MotionItems.Against];
        for (var i = 0; i < s.Count; i++)
        {
            await s[i].VoteAsync(2, after[i]);
        }

        await room.Console.ControlAsync("Skip");
        await room.EveryoneSeesPhaseAsync(2, Phase.Results);
        foreach (var client in s.Append(room.Console))
        {
            await client.WaitUntilAsync(v => v.Results.ContainsKey(2), "the post-debate results");
        }

        return new SixStudentDebate(room, ann, bob, cy, dee);
    }

    /// <summary>What the class saw when a round closed, as the console received it.</summary>
    public ResultView Published(int round) => Room.Console.Read(v => v.Results[round]);
}
