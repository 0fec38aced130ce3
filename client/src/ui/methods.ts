// How each tally method is named and explained to a class.
import type { RankingView, ResultView, TallyMethod } from '../contract';
import type { RoomState } from '../state';

export const methodNames: Record<TallyMethod, string> = {
  borda: 'Borda count',
  instantRunoff: 'Instant-runoff',
  schulze: 'Schulze (Condorcet)',
};

export const methodHelp: Record<TallyMethod, string> = {
  borda: 'Each ballot gives K points to its first choice, K−1 to its second, and so on. Most points wins.',
  instantRunoff: 'The item with the fewest first choices is eliminated and its ballots move to their next choice, until one has a majority.',
  schulze: 'Every pair is compared head to head; the winner beats every other item directly or through a chain of stronger wins.',
};

/** What an item is called on screen: the option's label, or the argument's text. */
export function itemLabel(state: RoomState, itemId: string, label?: string | null): string {
  return label ?? state.arguments[itemId]?.text ?? 'An argument that is no longer shown';
}

/** A motion vote's count in one line, for the comparison and the review. */
export function motionSummary(result: ResultView): string {
  const m = result.motion!;
  return `For ${m.forPercent}% · Against ${m.againstPercent}% · Undecided ${m.undecidedPercent}% (${result.ballotCount} ballots)`;
}

export function short(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Head-to-head wins among the first `top` items of a Schulze result, strongest first. */
export function pairwiseWins(ranking: RankingView, top: number): { winner: string; loser: string; for: number; against: number }[] {
  const pairwise = ranking.pairwise;
  if (!pairwise) return [];
  const index = new Map(pairwise.itemIds.map((id, i) => [id, i]));
  const leaders = ranking.items.slice(0, top).map((i) => i.itemId).filter((id) => index.has(id));
  const wins = [];
  for (const a of leaders) {
    for (const b of leaders) {
      const [i, j] = [index.get(a)!, index.get(b)!];
      if (pairwise.preferences[i][j] > pairwise.preferences[j][i]) {
        wins.push({ winner: a, loser: b, for: pairwise.preferences[i][j], against: pairwise.preferences[j][i] });
      }
    }
  }
  return wins.sort((x, y) => leaders.indexOf(x.winner) - leaders.indexOf(y.winner) || leaders.indexOf(x.loser) - leaders.indexOf(y.loser));
}

/** Whether the Schulze winner beat every other shortlisted item directly. */
export function beatsEveryone(ranking: RankingView): boolean {
  const pairwise = ranking.pairwise;
  if (!pairwise || ranking.items.length === 0) return false;
  const w = pairwise.itemIds.indexOf(ranking.items[0].itemId);
  return w >= 0 && pairwise.itemIds.every((_, j) => j === w || pairwise.preferences[w][j] > pairwise.preferences[j][w]);
}

/** How a score reads under each method. */
export function scoreText(method: TallyMethod, score: number): string {
  switch (method) {
    case 'borda':
      return `${score} ${score === 1 ? 'pt' : 'pts'}`;
    case 'instantRunoff':
      return `${score} ${score === 1 ? 'vote' : 'votes'} in its last round`;
    case 'schulze':
      return `beats ${score} ${score === 1 ? 'item' : 'items'}`;
  }
}

