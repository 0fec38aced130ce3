// When the console's comparison of counting methods must be loaded again. Pure.
import type { MotionChoice } from '../contract';
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

type MindChange = { before: MotionChoice | null; after: MotionChoice | null; changed: boolean };

const choiceWords: Record<MotionChoice, string> = { for: 'For', against: 'Against', undecided: 'Undecided' };

/**
 * One line on who changed their mind: "3 of 28 students who voted both times changed their mind: 2 to For, 1 to Against." Counts those
 * who voted both times; a student who voted only once is counted apart, one who voted neither time not at all.
 */
export function mindChangeSummary(changes: readonly MindChange[]): string {
  const both = changes.filter((c) => c.before !== null && c.after !== null);
  const changed = both.filter((c) => c.changed);
  const once = changes.filter((c) => (c.before === null) !== (c.after === null)).length;
  const students = (n: number) => `${n} ${n === 1 ? 'student' : 'students'}`;
  let line: string;
  if (both.length === 0) {
    line = 'No student voted both before and after.';
  } else if (changed.length === 0) {
    line = both.length === 1 ? 'The one student who voted both times kept their mind.' : `None of the ${both.length} students who voted both times changed their mind.`;
  } else {
    const to = (['for', 'against', 'undecided'] as const)
      .map((choice) => ({ choice, n: changed.filter((c) => c.after === choice).length }))
      .filter((t) => t.n > 0)
      .map((t) => `${t.n} to ${choiceWords[t.choice]}`)
      .join(', ');
    line = `${changed.length} of ${students(both.length)} who voted both times changed their mind: ${to}.`;
  }
  return once === 0 ? line : `${line} ${students(once)} voted only once.`;
}
