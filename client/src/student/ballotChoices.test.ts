import { describe, expect, it } from 'vitest';
import type { RoomSnapshot } from '../contract';
import { ballotChoices, reduce } from '../state';
import serverCases from './ballotChoices.cases.json';

// Real debates in their vote, written by the server's BallotChoiceCasesTests: a student's snapshot, and the arguments
// the server accepted when that student ranked each argument of the round alone.
const cases = serverCases as unknown as { name: string; roundIndex: number; snapshot: RoomSnapshot; accepted: string[] }[];

describe('a ballot offers exactly what the server accepts', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const state = reduce(null, { type: 'snapshot', snapshot: c.snapshot, receivedAt: Date.parse(c.snapshot.serverNow) })!;
    expect(ballotChoices(state, c.roundIndex).map((choice) => choice.id)).toEqual(c.accepted);
  });

  it('has cases where arguments shown to the student are still no ballot items', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
    for (const c of cases) expect(c.snapshot.arguments.length).toBeGreaterThan(c.accepted.length);
  });
});
