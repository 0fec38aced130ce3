import { describe, expect, it } from 'vitest';
import type { MotionView, PersuasionView } from '../contract';
import { gainText, verdictHeadline, verdictSentence } from './verdict';

const motion = (f: number, a: number, u: number): MotionView => ({ for: f, against: a, undecided: u, forPercent: 0, againstPercent: 0, undecidedPercent: 0 });

describe('the persuasion verdict', () => {
  it('calls equal gains a draw and shows both as +16.7 pts (issue 12: 3/1/2 then 4/2/0)', () => {
    const p: PersuasionView = { before: motion(3, 1, 2), after: motion(4, 2, 0), forGain: 16.7, againstGain: 16.7, winner: null, verdict: 'draw' };

    expect(verdictHeadline(p)).toBe('A draw');
    expect(verdictSentence(p)).toBe('A draw: both sides gained the same share of the vote.');
    expect([gainText(p.forGain), gainText(p.againstGain)]).toEqual(['+16.7 pts', '+16.7 pts']);
  });

  it('words each verdict from the verdict field, never from the gains', () => {
    const p = (verdict: PersuasionView['verdict']): PersuasionView => ({ before: motion(1, 1, 0), after: motion(1, 1, 0), forGain: 0, againstGain: 0, winner: null, verdict });

    expect(['for', 'against', 'draw', 'noVotes'].map((v) => verdictHeadline(p(v as PersuasionView['verdict'])))).toEqual([
      'The motion carries',
      'The motion falls',
      'A draw',
      'No verdict',
    ]);
  });

  it('shows gains signed to one decimal, and a dash when a vote had no ballots', () => {
    expect([gainText(20), gainText(0), gainText(-33.3), gainText(null)]).toEqual(['+20.0 pts', '0.0 pts', '-33.3 pts', '—']);
  });
});
