namespace OpenClosedDebate.Server.Tests;

using OpenClosedDebate.Domain.Debates;

/// <summary>
/// A short debate played to the end through real hub connections: a pre-debate vote, one argument
/// round with hostile text in it, and a post-debate vote. Used by the review and export tests.
/// </summary>
public static class FinishedDebate
{
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
    public const string Forgery = "# Forged heading\n[click me](http://evil.example) <script>alert(1)</script>";
    public const string Awkward = "Commas, \"quotes\" and\na line break, all kept.";
    public static readonly string[] Names = ["Ada Lovelace", "Ben", "Cy"];

    public static async Task<Scenario> PlayAsync(DebateServer server, bool anonymous = false)
    {
        var plan = new DebatePlan
        {
            Motion = "Models should be open.",
            Settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, Anonymous = anonymous },
            Rounds =
            [
                new RoundPlan { Title = "Before", Prompt = "Vote.", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
                new RoundPlan { Title = "Research", Prompt = "Argue.", Kind = RoundKind.Argument, OpenBrief = "Open wins.", ClosedBrief = "Closed wins.", ArgueSeconds = 300, VoteSeconds = 90 },
                new RoundPlan { Title = "After", Prompt = "Vote again.", Kind = RoundKind.MotionVote, VoteSeconds = 60 },
            ],
        };
        var room = await Scenario.LobbyAsync(server, plan, Names);
        var (ada, ben, cy) = (room.Students[0], room.Students[1], room.Students[2]);
        await room.Console.ControlAsync("Start");
        await Scenario.WaitForPhaseAsync(cy, 0, Phase.Vote);
        await ada.VoteAsync(0, MotionItems.For);
        await ben.VoteAsync(0, MotionItems.Against);
        await cy.VoteAsync(0, MotionItems.Undecided);
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(cy, 1, Phase.Argue);
        var formula = await ada.PostAsync(Formula);
        var forgery = await ben.PostAsync(Forgery);
        var awkward = await cy.PostAsync(Awkward);
        await ada.PostAsync("Audits need weights.", replyTo: forgery.Argument.Id);
        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(cy, 1, Phase.Vote);
        await ada.VoteAsync(1, forgery.Argument.Id.ToString());
        await ben.VoteAsync(1, formula.Argument.Id.ToString());
        await ben.VoteAsync(1, formula.Argument.Id.ToString(), awkward.Argument.Id.ToString());
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await Scenario.WaitForPhaseAsync(cy, 2, Phase.Vote);
        await ada.VoteAsync(2, MotionItems.Against);
        await ben.VoteAsync(2, MotionItems.Against);
        await cy.VoteAsync(2, MotionItems.For);
        await room.Console.ControlAsync("Skip");
        await room.Console.ControlAsync("Skip");
        await room.Console.WaitUntilAsync(v => v.Clock?.Status == DebateStatus.Finished, "the debate finished");
        return room;
    }
}
