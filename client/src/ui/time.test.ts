import { describe, expect, it } from 'vitest';
import { utcTime } from './time';

describe('utcTime', () => {
  it('writes an instant in UTC to the second with the zone named', () => {
    expect(utcTime('2026-11-26T15:23:51.987+01:00')).toBe('2026-11-26 14:23:51 UTC');
  });

  it('truncates the fraction of a second as the server does', () => {
    expect(utcTime('2026-11-26T23:59:59.9999999+00:00')).toBe('2026-11-26 23:59:59 UTC');
  });
});
