// The sentences a student sees and hears when the debate moves on. Pure, so they can be tested.
import type { ResultView } from '../contract';
import { currentRound, type RoomState } from '../state';
import { excerpt } from '../ui/fit';
import { itemLabel } from '../ui/methods';
import { verdictHeadline } from '../ui/verdict';

/** What just changed, said on the page above the new task. */
export function whatChanged(s: RoomState): string {
  const round = currentRound(s);
  if (s.debate.status === 'finished') return 'The debate is over. Here are the results.';
  if (s.debate.status !== 'running' || !round) return 'The debate has moved on.';
  if (s.clock.paused) return "The instructor paused the debate. You can't post or vote until it carries on.";
  const number = `Round ${round.index + 1}`;
  switch (s.clock.phase) {
    case 'argue':
      return `${number}: time to argue. Post your best argument for the ${s.you?.side === 'closed' ? 'CLOSED' : 'OPEN'} side.`;
    case 'vote':
      return round.kind === 'motionVote'
        ? `${number}: voting is open. Where do you stand on the motion?`
        : round.kind === 'ranking'
          ? `${number}: voting is open. Rank the options.`
          : `${number}: voting is open. Rank up to ${round.maxRanked} ${round.maxRanked === 1 ? 'argument' : 'arguments'}.`;
    default:
      return s.results[round.index] ? `${number}: the results are in.` : `${number}: voting has closed. The results are coming.`;
  }
}

/** What a screen reader says: the change, and with results, who won. */
export function whatToAnnounce(s: RoomState): string {
  const round = currentRound(s);
  const result = round && s.clock.phase === 'results' ? s.results[round.index] : undefined;
  const last = s.debate.status === 'finished' ? Object.values(s.results).sort((a, b) => a.roundIndex - b.roundIndex).at(-1) : undefined;
  const shown = result ?? last;
  return shown ? `${whatChanged(s)} ${outcome(s, shown)}` : whatChanged(s);
}

function outcome(s: RoomState, r: ResultView): string {
  if (r.persuasion) return `${verdictHeadline(r.persuasion)}.`;
  if (r.motion) return `For ${r.motion.forPercent}%, against ${r.motion.againstPercent}%, undecided ${r.motion.undecidedPercent}%.`;
  const first = r.ranking?.items[0];
  return first ? `First place: ${excerpt(itemLabel(s, first.itemId, first.label), 120)}.` : 'No ballots were cast.';
}
