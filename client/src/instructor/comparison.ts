// When the console's comparison of counting methods must be loaded again. Pure.
import type { RoomState } from '../state';

/** What the comparison depends on, as far as the console's events tell: a round closing, a student removed, an argument hidden, restored or withdrawn. */
export function comparisonKey(s: RoomState): string {
  const closed = Object.keys(s.results).join(',');
  const removed = Object.values(s.roster).filter((p) => p.kicked).length;
  const changed = Object.values(s.arguments)
    .filter((a) => (a.hidden || a.withdrawn) && s.results[a.roundIndex])
    .map((a) => `${a.id}${a.withdrawn ? 'w' : 'h'}`)
    .sort()
    .join(',');
  return `${closed}|${removed}|${changed}`;
}
