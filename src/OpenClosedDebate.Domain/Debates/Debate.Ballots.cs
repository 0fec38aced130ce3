namespace OpenClosedDebate.Domain.Debates;

// Ranked ballots. A ballot is a partial ranking of up to K of the round's items, revisable until the
// deadline. The last ballot a student casts is the one that counts.
public sealed partial class Debate
{
    public Submission<BallotCast> CastBallot(Guid participantId, string? requestId, int roundIndex, IReadOnlyList<string>? ranking, DateTimeOffset now)
    {
        if (FindRetry<BallotCast>(participantId, requestId) is { } original)
        {
            return new Submission<BallotCast>(original, []);
        }

        var voter = RequireAdmitted(participantId);
        if (roundIndex < 0 || roundIndex >= Plan.Rounds.Count)
        {
            throw new DebateRuleException(DebateError.NotFound, "There is no such round.");
        }

        if (Status == DebateStatus.Running && roundIndex != RoundIndex)
        {
            throw new DebateRuleException(DebateError.WrongPhase, "That round isn't voting now.");
        }

        var round = RequireOpenPhase(kind: null, Phase.Vote, "Voting isn't open.", now);
        var items = CheckRanking(round, voter, ranking);
        var revision = round.Ballots.TryGetValue(participantId, out var previous) ? previous.Revision + 1 : 1;
        var receipt = Receipts.For(Id, participantId, roundIndex, revision, items);
        Raise(new BallotCast(participantId, roundIndex, items, revision, receipt, requestId!), now);
        var events = TakeRaised();
        return new Submission<BallotCast>((BallotCast)events[0], events);
    }

    private string[] CheckRanking(RoundState round, Participant voter, IReadOnlyList<string>? ranking)
    {
        var max = round.MaxRanked(Plan.Settings);
        if (ranking is null || ranking.Count == 0)
        {
            throw InvalidBallot(round.Plan.Kind == RoundKind.MotionVote ? "Choose For, Against or Undecided." : "Rank at least one item.");
        }

        if (ranking.Count > max)
        {
            throw InvalidBallot(max == 1 ? "Choose only one." : $"You can rank at most {max} items; this ballot ranks {ranking.Count}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in ranking)
        {
            if (!seen.Add(item ?? string.Empty))
            {
                throw InvalidBallot("Each item can appear only once in your ranking.");
            }

            CheckItem(round, voter, item);
        }

        return [.. ranking];
    }

    private void CheckItem(RoundState round, Participant voter, string? item)
    {
        switch (round.Plan.Kind)
        {
            case RoundKind.Argument:
                // Only the exact item id counts: Guid.TryParse also reads other spellings of the same id,
                // which the tally, comparing ids ordinally, would silently drop.
                if (!Guid.TryParse(item, out var id) || FindArgument(id) is not { } argument || !string.Equals(item, argument.ItemId, StringComparison.Ordinal))
                {
                    throw InvalidBallot("Your ranking includes an argument that doesn't exist.");
                }

                if (argument.RoundIndex != round.Index)
                {
                    throw InvalidBallot("Your ranking includes an argument from another round.");
                }

                if (argument.Hidden)
                {
                    throw InvalidBallot("Your ranking includes an argument the instructor has hidden.");
                }

                if (!argument.IsBallotItem)
                {
                    throw InvalidBallot(argument.Held is not null
                        ? "Your ranking includes an argument that is still waiting for the instructor's approval."
                        : "Your ranking includes an argument approved after voting opened, so it isn't on this ballot.");
                }

                if (argument.AuthorId == voter.Id && !Plan.Settings.AllowRankingOwnArgument)
                {
                    throw InvalidBallot("You can't rank your own argument in this debate.");
                }

                break;
            case RoundKind.Ranking:
                if (!round.Candidates().Contains(item, StringComparer.Ordinal))
                {
                    throw InvalidBallot("Your ranking includes an option this round doesn't have.");
                }

                break;
            default:
                if (item is null || MotionItems.Parse(item) is null)
                {
                    throw InvalidBallot("Choose For, Against or Undecided.");
                }

                break;
        }
    }

    private static DebateRuleException InvalidBallot(string message) => new(DebateError.InvalidBallot, message);
}
