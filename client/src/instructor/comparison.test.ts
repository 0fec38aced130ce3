import { describe, expect, it } from 'vitest';
import { mindChangeSummary } from './comparison';

const c = (before: 'for' | 'against' | 'undecided' | null, after: 'for' | 'against' | 'undecided' | null) => ({
  before,
  after,
  changed: before !== null && after !== null && before !== after,
});

describe('mindChangeSummary', () => {
  it('counts who changed among those who voted both times, and where they went', () => {
    const line = mindChangeSummary([c('for', 'for'), c('against', 'for'), c('undecided', 'for'), c('for', 'against'), c('against', 'against')]);
    expect(line).toBe('3 of 5 students who voted both times changed their mind: 2 to For, 1 to Against.');
  });

  it('says so when no one changed', () => {
    expect(mindChangeSummary([c('for', 'for'), c('against', 'against')])).toBe('None of the 2 students who voted both times changed their mind.');
  });

  it('counts those who voted once apart, and leaves out those who voted neither time', () => {
    expect(mindChangeSummary([c('for', 'against'), c(null, 'for'), c('against', null), c(null, null)])).toBe(
      '1 of 1 student who voted both times changed their mind: 1 to Against. 2 students voted only once.',
    );
  });

  it('says when no one voted both times', () => {
    expect(mindChangeSummary([c(null, 'for'), c(null, null)])).toBe('No student voted both before and after. 1 student voted only once.');
  });
});
