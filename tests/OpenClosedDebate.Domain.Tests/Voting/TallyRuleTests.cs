namespace OpenClosedDebate.Domain.Tests.Voting;

using OpenClosedDebate.Domain.Debates;
using OpenClosedDebate.Domain.Voting;

public sealed class TallyRuleTests
{
    [Fact]
    public void Schulze_WithMoreItemsThanTheShortlist_CountsTheShortlistAndSaysSo()
    {
        var election = RandomElection.Make(11, maxCandidates: 2) with { Candidates = [.. Enumerable.Range(0, 250).Select(i => $"a{i}")] };
        var random = new Random(3);
        var ballots = Enumerable.Range(0, 400).Select(_ => (IReadOnlyList<string>)election.Candidates.OrderBy(_ => random.Next()).Take(5).ToArray()).ToList();

        var result = Schulze.Tally(election.Candidates, ballots, maxRanked: 5);

        Assert.Equal(250, result.Items.Count);
        Assert.Contains($"{Schulze.ShortlistSize} items with the most Borda points", result.Note, StringComparison.Ordinal);
        Assert.Null(result.Pairwise);
        var borda = Borda.Tally(election.Candidates, ballots, 5);
        Assert.Equal(borda.Items.Skip(Schulze.ShortlistSize).Select(i => i.ItemId), result.Items.Skip(Schulze.ShortlistSize).Select(i => i.ItemId));
    }

    [Fact]
    public void InstantRunoff_WithManyItems_SumsUpTheEarlyRoundsAndListsTheLastOnes()
    {
        var candidates = Enumerable.Range(0, 100).Select(i => $"a{i}").ToArray();
        var random = new Random(5);
        var ballots = Enumerable.Range(0, 300).Select(_ => (IReadOnlyList<string>)candidates.OrderBy(_ => random.Next()).Take(4).ToArray()).ToList();

        var detail = InstantRunoff.Tally(candidates, ballots, maxRanked: 4).Runoff!;

        Assert.True(detail.SummarisedRounds > 0);
        Assert.All(detail.Rounds, r => Assert.InRange(r.Counts.Count, 1, InstantRunoff.ListedFrom));
        Assert.Equal(InstantRunoff.ListedFrom, detail.Rounds[0].Counts.Count);
        Assert.Equal(candidates.Length - 1, detail.SummarisedEliminated + detail.Rounds.Sum(r => r.Eliminated.Count));
    }

    [Fact]
    public void InstantRunoff_ItemsWithNoVotes_GoTogetherInTheFirstRound()
    {
        var ballots = Profile.Ballots("3: A B", "2: B A");

        var result = InstantRunoff.Tally(["A", "B", "C", "D"], ballots, maxRanked: 2);

        Assert.Equal(["D", "C"], result.Runoff!.Rounds[0].Eliminated);
        Assert.Equal(["A", "B", "C", "D"], result.Items.Select(i => i.ItemId));
        Assert.True(result.Items[2].TieBroken);
    }

    [Fact]
    public void InstantRunoff_TieForFewestVotes_EliminatesTheOneWithFewerBordaPointsFirst()
    {
        // B and C have 2 first choices each; C is ranked second more often, so B has fewer Borda points and goes.
        var ballots = Profile.Ballots("4: A C", "2: B A", "2: C A", "1: D C");

        var round = InstantRunoff.Tally(["A", "B", "C", "D"], ballots, maxRanked: 2).Runoff!.Rounds[1];

        Assert.Equal(["B"], round.Eliminated);
    }

    [Fact]
    public void InstantRunoff_TieOnVotesAndBordaPoints_EliminatesTheLaterCandidate()
    {
        var ballots = Profile.Ballots("3: A", "1: B", "1: C");

        var result = InstantRunoff.Tally(["A", "B", "C"], ballots, maxRanked: 1);

        Assert.Equal(["C"], result.Runoff!.Rounds[0].Eliminated);
        Assert.True(result.Items.Single(i => i.ItemId == "C").TieBroken);
    }

    [Fact]
    public void InstantRunoff_TwoBallotsForTwoItems_MarksBothItemsOfTheBrokenTie()
    {
        var ballots = Profile.Ballots("1: a", "1: b");

        var result = InstantRunoff.Tally(["a", "b"], ballots, maxRanked: 1);

        Assert.Equal([("a", true), ("b", true)], result.Items.Select(i => (i.ItemId, i.TieBroken)));
        Assert.Equal(["b"], result.Runoff!.Rounds[0].Eliminated);
    }

    [Fact]
    public void InstantRunoff_ATieThatDecidesNothing_LeavesTheOthersUnmarked()
    {
        // B and C tie for the fewest votes; A's first place never depended on it.
        var ballots = Profile.Ballots("3: A", "1: B", "1: C");

        var result = InstantRunoff.Tally(["A", "B", "C"], ballots, maxRanked: 1);

        Assert.Equal([("A", false), ("B", true), ("C", true)], result.Items.Select(i => (i.ItemId, i.TieBroken)));
    }

    [Fact]
    public void InstantRunoff_NoBallots_NamesNoDecisiveRound()
    {
        var result = InstantRunoff.Tally(["a", "b", "c"], [], maxRanked: 2);

        Assert.Null(result.Runoff!.DecisiveRound);
        Assert.Equal(["a", "b", "c"], result.Items.Select(i => i.ItemId));
        Assert.All(result.Items, i => Assert.True(i.TieBroken));
    }

    [Fact]
    public void InstantRunoff_OnlyEmptyBallots_NamesNoDecisiveRound()
    {
        // A ballot is empty here when everything it ranked is no longer a candidate (a hidden argument).
        var result = InstantRunoff.Tally(["a", "b"], [["hidden"], ["hidden"]], maxRanked: 1);

        Assert.Null(result.Runoff!.DecisiveRound);
        Assert.All(result.Runoff.Rounds, r => Assert.Equal((0, 2), (r.Continuing, r.Exhausted)));
    }

    [Fact]
    public void InstantRunoff_OneBallot_IsDecisiveInTheFirstRound()
    {
        var result = InstantRunoff.Tally(["a", "b"], [["b"]], maxRanked: 1);

        Assert.Equal(1, result.Runoff!.DecisiveRound);
        Assert.Equal("b", result.Items[0].ItemId);
    }

    [Fact]
    public void InstantRunoff_ABallotWithNoChoiceLeft_IsCountedExhausted()
    {
        var ballots = Profile.Ballots("3: A", "2: B", "2: C B");

        var rounds = InstantRunoff.Tally(["A", "B", "C"], ballots, maxRanked: 2).Runoff!.Rounds;

        Assert.Equal(0, rounds[0].Exhausted);
        Assert.Equal(["C"], rounds[0].Eliminated);
        Assert.Equal([("B", 4), ("A", 3)], rounds[1].Counts.Select(c => (c.ItemId, c.Votes)));
    }

    [Fact]
    public void MindChanges_RecordEachStudentsStanceBeforeAndAfter()
    {
        var debate = new DebateBuilder().MotionVote().ArgumentRound().MotionVote().Lobby();
        var (ann, bob, cy) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"), debate.JoinAs("Cy"));
        var t = DebateBuilder.T0;
        debate.Start(t);
        debate.Vote(ann, t, MotionItems.For);
        debate.Vote(bob, t, MotionItems.Against);
        debate.Skip(t);
        debate.Skip(t);
        debate.Skip(t);
        debate.Skip(t);
        debate.Skip(t);
        debate.Vote(ann, t, MotionItems.Against);
        debate.Vote(bob, t, MotionItems.Against);
        debate.Vote(cy, t, MotionItems.For);

        var changes = debate.MindChanges().ToDictionary(c => c.ParticipantId);

        Assert.Equal((MotionChoice.For, MotionChoice.Against, true), (changes[ann].Before, changes[ann].After, changes[ann].Changed));
        Assert.False(changes[bob].Changed);
        Assert.Equal((null, MotionChoice.For, false), (changes[cy].Before, changes[cy].After, changes[cy].Changed));
    }

    [Theory]
    [InlineData(TallyMethod.InstantRunoff)]
    [InlineData(TallyMethod.Schulze)]
    public void ARoundClosedUnderAnotherMethod_PublishesThatMethodsResult(TallyMethod method)
    {
        var t = DebateBuilder.T0;
        var settings = new DebateSettings { SideAssignment = SideAssignmentMode.Alternating, TallyMethod = method };
        var debate = new DebateBuilder().WithSettings(settings).ArgumentRound(argue: 300, vote: 90).Lobby();
        var (ann, bob) = (debate.JoinAs("Ann"), debate.JoinAs("Bob"));
        debate.Start(t);
        var bobs = debate.Post(bob, "Closed is safer.", t.AddSeconds(10));
        debate.Post(ann, "Open is faster.", t.AddSeconds(20));
        debate.Tick(t.AddSeconds(300));
        debate.Vote(ann, t.AddSeconds(310), bobs.ItemId);

        var closed = Assert.IsType<RoundClosed>(debate.Tick(t.AddSeconds(390))[0]);

        Assert.Equal(method, closed.Result.Ranking!.Method);
        Assert.Equal(bobs.ItemId, closed.Result.Ranking.Items[0].ItemId);
        Assert.NotNull(closed.Result.Sides);
    }
}
