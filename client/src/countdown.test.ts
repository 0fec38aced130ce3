import { describe, expect, it } from 'vitest';
import type { ClockView } from './contract';
import { addOffsetSample, emptyOffset, formatRemaining, offsetMs, remainingMs } from './countdown';

const clock = (overrides: Partial<ClockView> = {}): ClockView => ({
  status: 'running',
  roundIndex: 0,
  phase: 'argue',
  deadline: '2026-11-26T09:05:00.000Z',
  remainingMs: 300000,
  paused: false,
  resultsPending: false,
  ...overrides,
});

describe('remainingMs', () => {
  it('counts down to the deadline on the server clock, corrected for the local clock offset', () => {
    // The local clock is 30 s behind the server's.
    const serverNow = Date.parse('2026-11-26T09:00:00.000Z');
    const localNow = serverNow - 30_000;
    const offset = addOffsetSample(emptyOffset(), serverNow, localNow);
    expect(remainingMs(clock(), offset, localNow)).toBe(300_000);
    expect(remainingMs(clock(), offset, localNow + 60_000)).toBe(240_000);
  });

  it('never goes below zero', () => {
    const offset = addOffsetSample(emptyOffset(), Date.parse('2026-11-26T09:10:00Z'), Date.parse('2026-11-26T09:10:00Z'));
    expect(remainingMs(clock(), offset, Date.parse('2026-11-26T09:10:00Z'))).toBe(0);
  });

  it('shows the frozen time left while paused', () => {
    expect(remainingMs(clock({ paused: true, deadline: null, remainingMs: 42_000 }), emptyOffset(), 0)).toBe(42_000);
  });

  it('has no countdown for an untimed phase', () => {
    expect(remainingMs(clock({ phase: 'results', deadline: null, remainingMs: null }), emptyOffset(), 0)).toBeNull();
  });
});

describe('offsetMs', () => {
  it('takes the largest recent sample, since transit time only makes samples smaller', () => {
    let offset = emptyOffset();
    offset = addOffsetSample(offset, 10_000, 9_000); // 1000, delayed 0 ms
    offset = addOffsetSample(offset, 20_000, 19_300); // 700: arrived 300 ms late
    expect(offsetMs(offset)).toBe(1000);
  });

  it('forgets old samples, so a changed local clock is followed', () => {
    let offset = addOffsetSample(emptyOffset(), 10_000, 0);
    for (let i = 0; i < 8; i++) offset = addOffsetSample(offset, 20_000 + i, 20_000 + i);
    expect(offsetMs(offset)).toBe(0);
  });

  it('is zero before any message', () => {
    expect(offsetMs(emptyOffset())).toBe(0);
  });
});

describe('formatRemaining', () => {
  it.each([
    [0, '0:00'],
    [1, '0:01'],
    [59_001, '1:00'],
    [60_000, '1:00'],
    [245_000, '4:05'],
    [3_723_000, '1:02:03'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
