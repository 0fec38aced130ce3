import { describe, expect, it } from 'vitest';
import type { DebatePlan, FieldError } from '../contract';
import { byField, checkPlan, stillStanding, valueAt } from './planChecks';
import serverCases from './planChecks.cases.json';
import { blankPlan, formatDuration, joinDuration, newRound, splitDuration } from './plans';

// Plans and what the server's PlanValidator answers for each, written by the server's PlanCheckCasesTests.
const cases = serverCases as unknown as { name: string; plan: DebatePlan; errors: FieldError[] }[];

describe('the plan checks give what the server gives, word for word', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    expect(checkPlan(c.plan)).toEqual(byField(c.errors));
  });
});

describe('the plan checks mirrored from the server', () => {
  it('pass a fresh plan from scratch', () => {
    expect(checkPlan(blankPlan())).toEqual({});
  });

  it('name each wrong field by its place in the plan, in the server words', () => {
    const plan = blankPlan();
    plan.motion = '  ';
    plan.rounds[0].voteSeconds = 5;
    plan.rounds.push({ ...newRound('ranking', 1), options: ['Weights', ' weights'] });
    plan.preReading = [{ title: 'Paper', url: 'ftp://example.edu/p.pdf' }];

    expect(checkPlan(plan)).toEqual({
      motion: "The motion can't be empty.",
      'rounds[0].voteSeconds': 'The vote phase of round 1 must last between 10 seconds and 2 hours.',
      'rounds[1].options[1]': 'Ranking round 2 lists the same option twice.',
      'preReading[0].url': 'Reading 1 needs an http or https link.',
    });
  });

  it('keep a server error only while its field is as it was sent', () => {
    const sent = blankPlan();
    const errors = { 'settings.sideAssignment': 'Devil’s advocate sides need a motion vote.', 'rounds[0].title': 'Bad title.' };
    const now = { ...sent, rounds: [{ ...sent.rounds[0], title: 'Fixed' }] };

    expect(valueAt(now, 'rounds[0].title')).toBe('"Fixed"');
    expect(stillStanding(errors, sent, now)).toEqual({ 'settings.sideAssignment': 'Devil’s advocate sides need a motion vote.' });
  });
});

describe('durations as minutes and seconds', () => {
  it('split, join and format', () => {
    expect(splitDuration(90)).toEqual({ minutes: 1, seconds: 30 });
    expect(joinDuration('15', '')).toBe(900);
    expect(joinDuration('', '45')).toBe(45);
    expect(formatDuration(605)).toBe('10:05');
  });
});
