// The plan as the instructor last edited it, kept in this browser until the server has it, so a reload, a closed
// tab or an edit the server refused loses nothing. Cleared once a save of exactly that plan succeeds.
import type { DebatePlan } from '../contract';

const key = (debateId: string) => `ocd.plan-draft.${debateId}`;

export function planDraft(debateId: string): DebatePlan | null {
  try {
    const kept = localStorage.getItem(key(debateId));
    return kept ? (JSON.parse(kept) as DebatePlan) : null;
  } catch {
    return null;
  }
}

export function keepPlanDraft(debateId: string, plan: DebatePlan): void {
  try {
    localStorage.setItem(key(debateId), JSON.stringify(plan));
  } catch {
    // Storage full or blocked (private mode): the edit lives only on the page, and leaving warns.
  }
}

export function forgetPlanDraft(debateId: string): void {
  try {
    localStorage.removeItem(key(debateId));
  } catch {
    // Nothing kept.
  }
}
