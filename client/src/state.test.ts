import { describe, expect, it } from 'vitest';
import type { RoomEvent } from './contract';
import { ballotChoices, reduce, threadedArguments, type RoomState } from './state';
import { argument, snapshot } from './testing';

const at = Date.parse('2026-11-26T09:00:00.000Z');

function loaded(overrides = {}): RoomState {
  return reduce(null, { type: 'snapshot', snapshot: snapshot(overrides), receivedAt: at })!;
}

function update(state: RoomState, ...events: RoomEvent[]): RoomState {
  return reduce(state, { type: 'update', update: { serverNow: '2026-11-26T09:00:01.000Z', events }, receivedAt: at + 1000 })!;
}

describe('reduce', () => {
  it('replaces everything with a snapshot', () => {
    const state = loaded({ arguments: [argument('a1')], version: 7 });
    expect(state.version).toBe(7);
    expect(Object.keys(state.arguments)).toEqual(['a1']);
    expect(state.you?.side).toBe('open');
  });

  it('ignores events already included in the snapshot', () => {
    const state = loaded({ version: 10 });
    const next = update(state, { type: 'argument', seq: 10, argument: argument('old') }, { type: 'argument', seq: 11, argument: argument('new') });
    expect(Object.keys(next.arguments)).toEqual(['new']);
  });

  it('does not advance the version on updates, so a later personal event with a lower seq still applies', () => {
    const state = loaded({ version: 10 });
    const afterPublic = update(state, { type: 'counts', seq: 14, counts: { open: 2, closed: 1, unassigned: 0, ballots: 0 } });
    const afterPersonal = update(afterPublic, { type: 'you', seq: 12, you: { ...state.you!, side: 'closed' } });
    expect(afterPersonal.you?.side).toBe('closed');
  });

  it('removes an argument the instructor hid', () => {
    const state = loaded({ arguments: [argument('a1'), argument('a2')] });
    const next = update(state, { type: 'argumentRemoved', seq: 11, argumentId: 'a1' });
    expect(Object.keys(next.arguments)).toEqual(['a2']);
  });

  it('flips the student own side when sides swap', () => {
    const next = update(loaded(), { type: 'sidesSwapped', seq: 11, roundIndex: 1 });
    expect(next.you?.side).toBe('closed');
  });

  it('renames an author on every argument they wrote', () => {
    const state = loaded({ arguments: [argument('a1', { authorId: 'p1' }), argument('a2', { authorId: 'p2' })] });
    const next = update(state, { type: 'authorRenamed', seq: 11, authorId: 'p1', authorName: 'Renamed' });
    expect(next.arguments.a1.authorName).toBe('Renamed');
    expect(next.arguments.a2.authorName).toBe('Ben');
  });

  it('keeps the clock status and the debate status in step', () => {
    const next = update(loaded(), {
      type: 'clock',
      seq: 11,
      clock: { status: 'finished', roundIndex: null, phase: null, deadline: null, remainingMs: null, paused: false },
    });
    expect(next.debate.status).toBe('finished');
  });

  it('records the acknowledged ballot so the receipt shows at once', () => {
    const next = reduce(loaded(), {
      type: 'ballotAcknowledged',
      ballot: { roundIndex: 0, ranking: ['a1'], revision: 2, receipt: 'ABCD-EFGH', castAt: '2026-11-26T09:01:00Z' },
    })!;
    expect(next.ballots[0].receipt).toBe('ABCD-EFGH');
  });

  it('marks the student as removed', () => {
    const next = update(loaded(), { type: 'removed', seq: 11, message: 'The instructor removed you.' });
    expect(next.removed).toBe('The instructor removed you.');
  });

  it('ignores an update that arrives before any snapshot', () => {
    expect(reduce(null, { type: 'update', update: { serverNow: '2026-11-26T09:00:00Z', events: [] }, receivedAt: at })).toBeNull();
  });
});

describe('threadedArguments', () => {
  it('lists rebuttals under the argument they answer, in posting order', () => {
    const state = loaded({
      arguments: [
        argument('root', { postedAt: '2026-11-26T09:00:01Z' }),
        argument('reply', { postedAt: '2026-11-26T09:00:03Z', replyToId: 'root', side: 'closed' }),
        argument('second', { postedAt: '2026-11-26T09:00:02Z' }),
        argument('other-round', { roundIndex: 1 }),
      ],
    });
    const threads = threadedArguments(state, 0);
    expect(threads.map((t) => t.argument.id)).toEqual(['root', 'second']);
    expect(threads[0].replies.map((r) => r.id)).toEqual(['reply']);
  });

  it('shows a rebuttal as its own thread when what it answers is not visible', () => {
    const state = loaded({ arguments: [argument('orphan', { replyToId: 'hidden-one' })] });
    expect(threadedArguments(state, 0).map((t) => t.argument.id)).toEqual(['orphan']);
  });
});

describe('ballotChoices', () => {
  it('leaves out the student own arguments unless the debate allows ranking them', () => {
    const state = loaded({ arguments: [argument('mine', { authorId: 'p-me' }), argument('theirs')] });
    expect(ballotChoices(state, 0).map((c) => c.id)).toEqual(['theirs']);
    const allowed = loaded({
      arguments: [argument('mine', { authorId: 'p-me' }), argument('theirs')],
      debate: { ...snapshot().debate, settings: { ...snapshot().debate.settings, allowRankingOwnArgument: true } },
    });
    expect(ballotChoices(allowed, 0)).toHaveLength(2);
  });

  it('offers a ranking round its fixed options', () => {
    const base = snapshot().debate;
    const state = loaded({
      debate: { ...base, rounds: [{ ...base.rounds[0], kind: 'ranking', options: [{ id: 'option-1', label: 'Weights' }] }] },
    });
    expect(ballotChoices(state, 0)).toEqual([{ id: 'option-1', label: 'Weights' }]);
  });
});
