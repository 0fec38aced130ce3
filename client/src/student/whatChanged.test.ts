import { describe, expect, it } from 'vitest';
import type { ClockView, ResultView } from '../contract';
import { reduce, type RoomState } from '../state';
import { debate, round, snapshot } from '../testing';
import { excerpt } from '../ui/fit';
import { describe as describeWaiting } from './outbox';
import { whatChanged, whatToAnnounce } from './whatChanged';

function at(clock: Partial<ClockView>, results: ResultView[] = [], kind: 'argument' | 'motionVote' = 'argument'): RoomState {
  const base = snapshot({ debate: debate({ rounds: [round(0, { kind, maxRanked: kind === 'argument' ? 3 : 1 }), round(1)] }), results });
  return reduce(null, { type: 'snapshot', snapshot: { ...base, clock: { ...base.clock, ...clock } }, receivedAt: 0 })!;
}

const motionResult: ResultView = {
  roundIndex: 0,
  kind: 'motionVote',
  ballotCount: 4,
  ranking: null,
  sides: null,
  motion: { for: 2, against: 1, undecided: 1, forPercent: 50, againstPercent: 25, undecidedPercent: 25 },
  persuasion: null,
};

describe('what changed, for the student', () => {
  it('names the new task and the side when arguing starts', () => {
    expect(whatChanged(at({ phase: 'argue' }))).toBe('Round 1: time to argue. Post your best argument for the OPEN side.');
  });

  it('says how many arguments to rank when voting opens', () => {
    expect(whatChanged(at({ phase: 'vote' }))).toBe('Round 1: voting is open. Rank up to 3 arguments.');
  });

  it('asks where the student stands in a motion vote', () => {
    expect(whatChanged(at({ phase: 'vote' }, [], 'motionVote'))).toBe('Round 1: voting is open. Where do you stand on the motion?');
  });

  it('tells a waiting result from a revealed one, and announces the outcome of the revealed one', () => {
    expect(whatChanged(at({ phase: 'results', resultsPending: true }, [], 'motionVote'))).toBe('Round 1: voting has closed. The results are coming.');
    const revealed = at({ phase: 'results' }, [motionResult], 'motionVote');
    expect(whatChanged(revealed)).toBe('Round 1: the results are in.');
    expect(whatToAnnounce(revealed)).toBe('Round 1: the results are in. For 50%, against 25%, undecided 25%.');
  });

  it('says so when the instructor pauses', () => {
    expect(whatChanged(at({ phase: 'argue', paused: true }))).toContain('paused');
  });
});

describe('excerpts and waiting lists', () => {
  it('cuts at a word and marks the cut, and leaves short text alone', () => {
    expect(excerpt('Open weights let any lab reproduce the results.', 20)).toBe('Open weights let…');
    expect(excerpt('Short.', 20)).toBe('Short.');
    expect(excerpt('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('lists what is waiting once per kind', () => {
    expect(describeWaiting([{ what: 'argument' }])).toBe('your argument');
    expect(describeWaiting([{ what: 'argument' }, { what: 'argument' }, { what: 'ballot' }])).toBe('your argument and your ballot');
  });
});
