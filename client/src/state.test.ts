import { describe, expect, it } from 'vitest';
import type { RoomEvent } from './contract';
import { argumentTotal, ballotChoices, olderArguments, reduce, threadedArguments, type RoomState } from './state';
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
    const afterPublic = update(state, { type: 'counts', seq: 14, counts: { open: 2, closed: 1, unassigned: 0, ballots: 0, waiting: 0, voted: 0 } });
    const afterPersonal = update(afterPublic, { type: 'you', seq: 12, you: { ...state.you!, side: 'closed' } });
    expect(afterPersonal.you?.side).toBe('closed');
  });

  it('removes an argument the instructor hid', () => {
    const state = loaded({ arguments: [argument('a1'), argument('a2')] });
    const next = update(state, { type: 'argumentRemoved', seq: 11, argumentId: 'a1' });
    expect(Object.keys(next.arguments)).toEqual(['a2']);
  });

  it('takes the new side from the server when sides swap, not from its own reckoning', () => {
    const state = loaded();
    const notice = update(state, { type: 'sidesSwapped', seq: 11, roundIndex: 1 });
    expect(notice.you?.side).toBe(state.you?.side);
    const next = update(notice, { type: 'you', seq: 11, you: { ...state.you!, side: 'closed' } });
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
      clock: { status: 'finished', roundIndex: null, phase: null, deadline: null, remainingMs: null, paused: false, resultsPending: false },
    });
    expect(next.debate.status).toBe('finished');
  });

  it('drops the live tally when the phase leaves the vote, as a snapshot then has none', () => {
    const tally = { roundIndex: 0, kind: 'motionVote' as const, ballotCount: 1, ranking: null, sides: null, motion: null, persuasion: null };
    const clock = { status: 'running' as const, roundIndex: 0, deadline: null, remainingMs: null, paused: false, resultsPending: false };
    const voting = update(loaded(), { type: 'clock', seq: 11, clock: { ...clock, phase: 'vote' } }, { type: 'tally', seq: 11, tally });
    expect(voting.tally).toEqual(tally);
    expect(update(voting, { type: 'clock', seq: 12, clock: { ...clock, phase: 'vote', paused: true } }).tally).toEqual(tally);
    expect(update(voting, { type: 'clock', seq: 12, clock: { ...clock, phase: 'results' } }).tally).toBeNull();
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
        argument('root', { seq: 4 }),
        argument('reply', { seq: 9, replyToId: 'root', side: 'closed' }),
        argument('second', { seq: 6 }),
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

  it('keeps the room entry rules and the instructor\'s join activity current', () => {
    const state = loaded({ version: 10 });
    const opened = update(state, { type: 'entry', seq: 11, entry: { capacity: 40, approveJoins: true } });
    expect(opened.debate.entry).toEqual({ capacity: 40, approveJoins: true });
    const surge = { burst: 60, perSecond: 5, slowed: 12, turnedAway: 3, surgeSince: '2026-11-26T09:00:01Z', lastSurgeAt: '2026-11-26T09:00:09Z' };
    expect(update(opened, { type: 'joins', seq: 11, joins: surge }).joins).toEqual(surge);
  });
});

describe('older arguments', () => {
  const older = (count: number, before: number, side: 'open' | 'closed' = 'open') => ({ roundIndex: 0, side, count, before });

  it('counts a side as the arguments held from the cursor on plus the older ones the server left out', () => {
    const state = loaded({
      arguments: [argument('own-old', { seq: 3, authorId: 'p-me' }), argument('new-1', { seq: 20 }), argument('new-2', { seq: 22 })],
      olderArguments: [older(7, 20), older(0, 11, 'closed')],
    });
    expect(olderArguments(state, 0, 'open')).toEqual(older(7, 20));
    expect(olderArguments(state, 0, 'closed')).toBeNull();
    expect(argumentTotal(state, 0, 'open')).toBe(9);
    expect(argumentTotal(update(state, { type: 'argument', seq: 30, argument: argument('newest', { seq: 30 }) }), 0, 'open')).toBe(10);
  });

  it('adds a fetched page and takes its cursor, so the total stays the same', () => {
    const state = loaded({ arguments: [argument('new-1', { seq: 20 })], olderArguments: [older(3, 20)] });
    const next = reduce(state, {
      type: 'argumentPage',
      page: { arguments: [argument('old-1', { seq: 8 }), argument('old-2', { seq: 12 })], older: older(1, 8) },
    })!;
    expect(Object.keys(next.arguments).sort()).toEqual(['new-1', 'old-1', 'old-2']);
    expect(olderArguments(next, 0, 'open')).toEqual(older(1, 8));
    expect(argumentTotal(next, 0, 'open')).toBe(4);
    expect(threadedArguments(next, 0).map((t) => t.argument.id)).toEqual(['old-1', 'old-2', 'new-1']);
  });

  it('takes the counts a reveal sends', () => {
    const state = loaded({ version: 10, olderArguments: [older(0, 11, 'closed')] });
    const next = update(state, { type: 'olderArguments', seq: 12, older: older(5, 40, 'closed') });
    expect(olderArguments(next, 0, 'closed')).toEqual(older(5, 40, 'closed'));
  });
});
