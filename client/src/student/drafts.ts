// Unsent work kept in this browser, per debate and round, so a reload or a flat battery loses
// nothing: the text of an argument or rebuttal (with its request id, so sending it again can't post
// it twice) and a ranking not yet submitted. Each is cleared once the server acknowledges it.
export interface ArgumentDraft {
  text: string;
  replyToId: string | null;
  requestId: string;
}

interface RoundDrafts {
  argument?: ArgumentDraft;
  ranking?: string[];
}

const key = (debateId: string, roundIndex: number) => `ocd.draft.${debateId}.${roundIndex}`;

function read(debateId: string, roundIndex: number): RoundDrafts {
  try {
    return JSON.parse(localStorage.getItem(key(debateId, roundIndex)) ?? '{}') as RoundDrafts;
  } catch {
    return {};
  }
}

function write(debateId: string, roundIndex: number, drafts: RoundDrafts): void {
  try {
    if (drafts.argument || drafts.ranking) localStorage.setItem(key(debateId, roundIndex), JSON.stringify(drafts));
    else localStorage.removeItem(key(debateId, roundIndex));
  } catch {
    // Storage full or blocked (private mode): the draft lives only on the page.
  }
}

export function argumentDraft(debateId: string, roundIndex: number): ArgumentDraft | null {
  return read(debateId, roundIndex).argument ?? null;
}

/** Keeps the draft, or forgets it when it is empty. */
export function keepArgumentDraft(debateId: string, roundIndex: number, draft: ArgumentDraft | null): void {
  const drafts = read(debateId, roundIndex);
  write(debateId, roundIndex, { ...drafts, argument: draft && draft.text.length > 0 ? draft : undefined });
}

export function rankingDraft(debateId: string, roundIndex: number): string[] | null {
  return read(debateId, roundIndex).ranking ?? null;
}

export function keepRankingDraft(debateId: string, roundIndex: number, ranking: string[] | null): void {
  write(debateId, roundIndex, { ...read(debateId, roundIndex), ranking: ranking ?? undefined });
}

/** Forgets every draft of a debate, e.g. when the student leaves it. */
export function forgetDrafts(debateId: string): void {
  try {
    for (const k of Object.keys(localStorage)) if (k.startsWith(`ocd.draft.${debateId}.`)) localStorage.removeItem(k);
  } catch {
    // Nothing kept.
  }
}
