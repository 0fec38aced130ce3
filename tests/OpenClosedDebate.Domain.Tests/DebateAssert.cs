namespace OpenClosedDebate.Domain.Tests;

using System.Text.Json;
using OpenClosedDebate.Domain.Debates;

/// <summary>Assertions every feature's tests share.</summary>
internal static class DebateAssert
{
    /// <summary>The move is refused with <paramref name="expected"/>, and the debate is exactly as it was.</summary>
    public static DebateRuleException Refused(Debate debate, DebateError expected, Action move)
    {
        var before = Snapshot(debate);
        var refusal = Assert.Throws<DebateRuleException>(move);
        Assert.Equal(expected, refusal.Error);
        Assert.Equal(before, Snapshot(debate));
        return refusal;
    }

    /// <summary>The side counts agree with the active students' sides.</summary>
    public static void CountsMatchRoster(Debate debate)
    {
        foreach (var side in Enum.GetValues<Side>())
        {
            Assert.Equal(debate.Participants.Count(p => p.IsActive && p.Side == side), debate.CountOn(side));
        }
    }

    /// <summary>Everything a debate shows, as one string: two debates in the same state give the same snapshot.</summary>
    public static string Snapshot(Debate debate) => JsonSerializer.Serialize(new
    {
        debate.Id,
        debate.JoinCode,
        debate.Plan,
        debate.Seed,
        debate.Status,
        debate.Locked,
        debate.Capacity,
        debate.ApproveJoins,
        debate.Moderation,
        debate.WaitingCount,
        debate.Version,
        debate.CreatedAt,
        debate.StartedAt,
        debate.FinishedAt,
        debate.RoundIndex,
        debate.CurrentPhase,
        debate.Deadline,
        debate.PausedRemaining,
        debate.SidesSettled,
        debate.ActiveCount,
        Open = debate.CountOn(Side.Open),
        Closed = debate.CountOn(Side.Closed),
        Participants = debate.Participants.Select(p => new { p.Id, p.DisplayName, p.Pseudonym, p.JoinOrdinal, p.TokenHash, p.JoinedAt, p.Side, p.Muted, p.Kicked, p.Left, p.Waiting, p.NameHeld }),
        Rounds = debate.Rounds.Select(r => new
        {
            r.Index,
            r.Reached,
            r.Result,
            Counted = r.Counted is { } c ? new { Voters = c.Voters.Order(), c.Candidates } : null,
            r.ResultsRevealed,
            Arguments = r.Arguments.Select(a => new { a.Id, a.AuthorId, a.Side, a.Text, a.ReplyToId, a.PostedAt, a.Seq, a.Hidden, a.HiddenReason, a.Held, a.OffBallot, Posts = r.PostsBy(a.AuthorId) }),
            Ballots = r.Ballots.Values.OrderBy(b => b.ParticipantId),
        }),
    });
}
