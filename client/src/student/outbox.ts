// What a student has sent and the server hasn't acknowledged yet, so the page can say what is
// waiting while the phone is offline, and that it arrived once it is back.
import { createStore } from '../store';

export type Sending = 'argument' | 'rebuttal' | 'ballot' | 'vote';

export interface Outbox {
  /** Sent, not yet acknowledged. */
  waiting: { id: number; what: Sending }[];
  /** Acknowledged lately, newest last. */
  saved: { id: number; what: Sending }[];
}

export const outbox = createStore<Outbox>({ waiting: [], saved: [] });

let next = 0;

/** Runs a submission, listing it as waiting until the server answers. */
export async function tracked<T>(what: Sending, send: () => Promise<T>): Promise<T> {
  const id = ++next;
  outbox.set((o) => ({ ...o, waiting: [...o.waiting, { id, what }] }));
  let ok = false;
  try {
    const result = await send();
    ok = true;
    return result;
  } finally {
    outbox.set((o) => ({
      waiting: o.waiting.filter((w) => w.id !== id),
      saved: ok ? [...o.saved, { id, what }].slice(-10) : o.saved,
    }));
  }
}

const names: Record<Sending, string> = { argument: 'argument', rebuttal: 'rebuttal', ballot: 'ballot', vote: 'vote' };

/** "your argument", "your argument and your ballot". */
export function describe(items: { what: Sending }[]): string {
  const kinds = [...new Set(items.map((i) => names[i.what]))].map((n) => `your ${n}`);
  return kinds.length <= 1 ? (kinds[0] ?? '') : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
}
