// Plan editing helpers: pure functions over the plan the REST API accepts.
import type { DebatePlan, RoundKind, RoundPlan } from '../contract';

export function blankPlan(): DebatePlan {
  return {
    motion: 'This house believes that AI models should be open.',
    rounds: [newRound('argument', 0)],
    settings: {
      sideAssignment: 'balancedRandom',
      visibility: 'everyone',
      tallyMethod: 'borda',
      maxRankedItems: 3,
      allowRankingOwnArgument: false,
      swapSidesEachRound: false,
      anonymous: false,
      revealResults: 'atOnce',
    },
    preReading: [],
  };
}

export function newRound(kind: RoundKind, index: number): RoundPlan {
  const base = { title: `Round ${index + 1}`, argueSeconds: 300, voteSeconds: 90, resultsSeconds: null, scenario: null, openBrief: null, closedBrief: null };
  switch (kind) {
    case 'argument':
      return { ...base, kind, prompt: 'Make the best argument you can for your side.', options: [] };
    case 'ranking':
      return { ...base, kind, prompt: 'Rank these from most to least important.', options: ['First option', 'Second option'], voteSeconds: 120 };
    case 'motionVote':
      return { ...base, kind, title: 'Vote on the motion', prompt: 'Where do you stand on the motion?', options: [], voteSeconds: 60 };
  }
}

export function replaceRound(plan: DebatePlan, index: number, round: RoundPlan): DebatePlan {
  return { ...plan, rounds: plan.rounds.map((r, i) => (i === index ? round : r)) };
}

export function moveRound(plan: DebatePlan, index: number, by: number): DebatePlan {
  return { ...plan, rounds: moveItem(plan.rounds, index, by) };
}

export function removeRound(plan: DebatePlan, index: number): DebatePlan {
  return { ...plan, rounds: plan.rounds.filter((_, i) => i !== index) };
}

/** A phase length as minutes and seconds, for the editor: 90 → { minutes: 1, seconds: 30 }. */
export function splitDuration(total: number): { minutes: number; seconds: number } {
  const whole = Number.isFinite(total) ? Math.max(0, Math.round(total)) : 0;
  return { minutes: Math.floor(whole / 60), seconds: whole % 60 };
}

/** Minutes and seconds as typed (either may be blank) back to seconds. */
export function joinDuration(minutes: string, seconds: string): number {
  const m = minutes.trim() === '' ? 0 : Number(minutes);
  const s = seconds.trim() === '' ? 0 : Number(seconds);
  return Number.isFinite(m) && Number.isFinite(s) ? Math.round(m * 60 + s) : Number.NaN;
}

/** 90 → "1:30", 600 → "10:00", for the summary line of a collapsed round. */
export function formatDuration(total: number): string {
  const { minutes, seconds } = splitDuration(total);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export function moveItem<T>(items: readonly T[], index: number, by: number): T[] {
  const to = index + by;
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item);
  return copy;
}
