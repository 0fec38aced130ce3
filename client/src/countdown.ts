// Server-owned deadlines shown as local countdowns. The server sends absolute UTC deadlines and its
// own clock (serverNow) with every message; the offset between the two clocks corrects the countdown.
import type { ClockView } from './contract';

export interface ClockOffset {
  /** Recent samples of serverNow - local receive time, in ms. */
  samples: number[];
}

const SampleCount = 8;

export function emptyOffset(): ClockOffset {
  return { samples: [] };
}

export function addOffsetSample(offset: ClockOffset, serverNow: number, receivedAt: number): ClockOffset {
  if (!Number.isFinite(serverNow)) return offset;
  const samples = [...offset.samples, serverNow - receivedAt].slice(-SampleCount);
  return { samples };
}

/**
 * The best estimate of (server clock - local clock). Each sample is low by the message's transit
 * time, so the largest recent sample is the closest.
 */
export function offsetMs(offset: ClockOffset): number {
  return offset.samples.length === 0 ? 0 : Math.max(...offset.samples);
}

/** Milliseconds left in the phase at local time localNow, or null when the phase has no timer. */
export function remainingMs(clock: ClockView, offset: ClockOffset, localNow: number): number | null {
  if (clock.paused) return clock.remainingMs;
  if (!clock.deadline) return null;
  const left = Date.parse(clock.deadline) - (localNow + offsetMs(offset));
  return Math.max(0, left);
}

/** "4:05", or "1:02:03" past an hour. Rounds up, so 0:00 shows only when time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}
