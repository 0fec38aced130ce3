import { describe, expect, it } from 'vitest';
import { replayAfterEntry } from './connection';
import { reduce, type Action } from './state';
import { argument, snapshot } from './testing';

const at = Date.parse('2026-11-26T09:00:00.000Z');
const update = (seq: number, id: string): Action => ({
  type: 'update',
  update: { serverNow: '2026-11-26T09:00:01.000Z', events: [{ type: 'argument', seq, argument: argument(id) }] },
  receivedAt: at,
});

describe('replayAfterEntry', () => {
  it('keeps an update that arrived before the entry answered, so the event newer than the snapshot is not lost', () => {
    // The server added the connection to the room, took the snapshot at version 10, then broadcast seq 10 and 11
    // before the answer went out.
    const held = [update(10, 'in-the-snapshot'), update(11, 'newer')];
    let state = reduce(null, { type: 'snapshot', snapshot: snapshot({ version: 10, arguments: [argument('in-the-snapshot')] }), receivedAt: at });
    for (const action of replayAfterEntry(held, 10)) state = reduce(state, action);

    expect(Object.keys(state!.arguments).sort()).toEqual(['in-the-snapshot', 'newer']);
  });

  it('drops a resync snapshot older than the entry snapshot, and keeps a newer one', () => {
    const older: Action = { type: 'snapshot', snapshot: snapshot({ version: 9 }), receivedAt: at };
    const newer: Action = { type: 'snapshot', snapshot: snapshot({ version: 12 }), receivedAt: at };

    expect(replayAfterEntry([older, newer], 10)).toEqual([newer]);
  });

  it('replays everything after a failed entry, which has no snapshot', () => {
    const held = [update(3, 'a'), { type: 'snapshot', snapshot: snapshot({ version: 2 }), receivedAt: at } as Action];

    expect(replayAfterEntry(held, -1)).toEqual(held);
  });
});
