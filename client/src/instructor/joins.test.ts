import { describe, expect, it } from 'vitest';
import type { JoinActivityView, ParticipantView } from '../contract';
import { joinsInLastMinute, surgeText } from './joins';

const at = (iso: string) => ({ joinedAt: iso }) as ParticipantView;
const now = Date.parse('2026-11-26T09:10:00Z');

describe('join activity', () => {
  it('counts the joins of the last minute only', () => {
    const roster = [at('2026-11-26T09:09:00Z'), at('2026-11-26T09:09:00.001Z'), at('2026-11-26T09:09:59Z'), at('2026-11-26T09:08:00Z')];
    expect(joinsInLastMinute(roster, now)).toBe(2);
  });

  it('flags a surge until a quiet minute has passed', () => {
    const joins: JoinActivityView = { burst: 60, perSecond: 5, slowed: 40, turnedAway: 2, surgeSince: '2026-11-26T09:09:00Z', lastSurgeAt: '2026-11-26T09:09:30Z' };
    expect(surgeText(joins, now)).toMatch(/40 joins were slowed, 2 told to try again/);
    expect(surgeText(joins, Date.parse('2026-11-26T09:10:30Z'))).toBeNull();
    expect(surgeText({ ...joins, lastSurgeAt: null }, now)).toBeNull();
    expect(surgeText(null, now)).toBeNull();
  });
});
