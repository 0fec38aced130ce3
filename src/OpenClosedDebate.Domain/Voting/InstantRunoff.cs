namespace OpenClosedDebate.Domain.Voting;

/// <summary>
/// Instant-runoff over partial ballots. Each ballot counts for its highest-ranked item still in
/// the race. In each round the item with the fewest votes is eliminated and its ballots move to
/// their next choice still in the race; a ballot with none left is exhausted. An item with more
/// than half of the ballots still counting has won; the count goes on until one item is left, so
/// every item gets a place: the winner first, then the others in reverse order of elimination.
/// <list type="bullet">
/// <item>Items with no votes at all are eliminated together, in one round: none of them can gain a
/// vote before every item with votes has gone, so this changes nothing but the length of the count.</item>
/// <item>Ties for the fewest votes: the item with fewer Borda points goes first; if those are equal
/// too, the item later in the candidates' order (for arguments, the later posted). Every item in
/// such a tie is marked <see cref="RankedItem.TieBroken"/>, since the tie-break decided its place.</item>
/// <item>No decisive round is named when no ballot counts for any item (no ballots, or only empty
/// ones): nothing ever had a majority.</item>
/// <item>Rounds are listed one by one once at most <see cref="ListedFrom"/> items are in the race;
/// rounds before that are summed up.</item>
/// </list>
/// </summary>
public static class InstantRunoff
{
    public const int ListedFrom = 20;

    public static RankingResult Tally(IReadOnlyList<string> candidates, IEnumerable<IReadOnlyList<string>> ballots, int maxRanked)
    {
        var ballotsAsIndexes = Tallies.Prepare(Tallies.IndexOf(candidates), ballots, maxRanked);
        return new Count(candidates, ballotsAsIndexes, maxRanked).Run();
    }

    private sealed class Count
    {
        private readonly IReadOnlyList<string> _candidates;
        private readonly int[][] _ballots;
        private readonly int[] _borda;
        private readonly int[] _firsts;
        private readonly int[] _votes;
        private readonly int[] _finalVotes;
        private readonly bool[] _active;
        private readonly bool[] _tieBroken;
        private readonly List<int>[] _holders;
        private readonly int[] _position;
        private readonly List<int> _eliminated = [];
        private readonly List<int> _inRace;
        private readonly List<RunoffRound> _rounds = [];
        private int _activeCount;
        private int _exhausted;
        private int _summarisedRounds;
        private int _summarisedEliminated;

        public Count(IReadOnlyList<string> candidates, int[][] ballots, int maxRanked)
        {
            _candidates = candidates;
            _ballots = ballots;
            var n = candidates.Count;
            (_borda, _firsts) = Tallies.BordaPoints(n, ballots, maxRanked);
            _votes = new int[n];
            _finalVotes = new int[n];
            _active = Enumerable.Repeat(true, n).ToArray();
            _tieBroken = new bool[n];
            _holders = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
            _position = new int[ballots.Length];
            _activeCount = n;
            _inRace = [.. Enumerable.Range(0, n)];
            for (var b = 0; b < ballots.Length; b++)
            {
                Place(b);
            }
        }

        public RankingResult Run()
        {
            var decisive = 0;
            for (var round = 1; _activeCount > 0; round++)
            {
                var continuing = _ballots.Length - _exhausted;
                var leader = Active().MaxBy(c => _votes[c]);
                if (decisive == 0 && _votes[leader] * 2 > continuing)
                {
                    decisive = round;
                }

                List<int> losers = _activeCount == 1 ? [] : Losers();
                Record(round, losers, continuing);
                if (losers.Count == 0)
                {
                    // The last item left has every ballot still counting: a majority, unless none counts.
                    decisive = decisive == 0 && continuing > 0 ? round : decisive;
                    _finalVotes[leader] = _votes[leader];
                    _eliminated.Add(leader);
                    break;
                }

                foreach (var loser in losers)
                {
                    Eliminate(loser);
                }

                _inRace.RemoveAll(c => !_active[c]);
            }

            var order = Enumerable.Reverse(_eliminated).ToArray();
            var items = order.Select((c, place) => new RankedItem(_candidates[c], place + 1, _finalVotes[c], _firsts[c], _tieBroken[c])).ToArray();
            return new RankingResult(TallyMethod.InstantRunoff, _ballots.Length, items)
            {
                Runoff = new RunoffDetail(_rounds, _summarisedRounds, _summarisedEliminated, decisive == 0 ? null : decisive),
            };
        }

        /// <summary>Items still in the race, in candidate order; eliminations remove them, so rounds get cheaper as the count goes on.</summary>
        private List<int> Active() => _inRace;

        /// <summary>Who goes this round: every item with no votes if some item has votes, else the single weakest.</summary>
        private List<int> Losers()
        {
            var active = Active();
            var withoutVotes = active.Where(c => _votes[c] == 0).ToList();
            if (withoutVotes.Count > 0 && withoutVotes.Count < active.Count)
            {
                // Weakest first, so the order of elimination (and so of places) follows the tie-break.
                withoutVotes.Sort(Weaker);
                if (withoutVotes.Count > 1)
                {
                    withoutVotes.ForEach(c => _tieBroken[c] = true);
                }

                return withoutVotes;
            }

            var fewest = active.Min(c => _votes[c]);
            var tied = active.Where(c => _votes[c] == fewest).ToList();
            tied.Sort(Weaker);
            if (tied.Count > 1)
            {
                // The tie-break decided the places of every item in the tie, not only the one that goes.
                tied.ForEach(c => _tieBroken[c] = true);
            }

            return [tied[0]];
        }

        /// <summary>Negative when a should go before b: fewer Borda points, then later in candidate order.</summary>
        private int Weaker(int a, int b) => _borda[a] != _borda[b] ? _borda[a].CompareTo(_borda[b]) : b.CompareTo(a);

        private void Record(int round, List<int> losers, int continuing)
        {
            if (_activeCount > ListedFrom)
            {
                _summarisedRounds++;
                _summarisedEliminated += losers.Count;
                return;
            }

            var counts = Active()
                .OrderByDescending(c => _votes[c])
                .ThenBy(c => c, Comparer<int>.Create((a, b) => Weaker(b, a)))
                .Select(c => new RunoffCount(_candidates[c], _votes[c]))
                .ToList();
            _rounds.Add(new RunoffRound(round, counts, [.. losers.Select(c => _candidates[c])], _exhausted, continuing));
        }

        private void Eliminate(int loser)
        {
            _active[loser] = false;
            _activeCount--;
            _finalVotes[loser] = _votes[loser];
            _eliminated.Add(loser);
            foreach (var b in _holders[loser])
            {
                _position[b]++;
                Place(b);
            }

            _holders[loser].Clear();
            _votes[loser] = 0;
        }

        /// <summary>Gives a ballot to its highest-ranked item still in the race, or counts it exhausted.</summary>
        private void Place(int b)
        {
            var ballot = _ballots[b];
            while (_position[b] < ballot.Length && !_active[ballot[_position[b]]])
            {
                _position[b]++;
            }

            if (_position[b] == ballot.Length)
            {
                _exhausted++;
                return;
            }

            var choice = ballot[_position[b]];
            _holders[choice].Add(b);
            _votes[choice]++;
        }
    }
}
