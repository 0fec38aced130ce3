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
  const to = index + by;
  if (to < 0 || to >= plan.rounds.length) return plan;
  const rounds = [...plan.rounds];
  const [round] = rounds.splice(index, 1);
  rounds.splice(to, 0, round);
  return { ...plan, rounds };
}

export function removeRound(plan: DebatePlan, index: number): DebatePlan {
  return { ...plan, rounds: plan.rounds.filter((_, i) => i !== index) };
}
