// What the console says about students arriving: the join rate and whether joins are being slowed.
import type { JoinActivityView, ParticipantView } from '../contract';

/** A surge is over a minute after the last join that had to wait or was turned away. */
export const SurgeQuietMs = 60_000;

/** How many students joined in the minute up to `serverNow` (milliseconds on the server's clock). */
export function joinsInLastMinute(roster: ParticipantView[], serverNow: number): number {
  return roster.filter((p) => {
    const at = Date.parse(p.joinedAt);
    return at <= serverNow && serverNow - at < 60_000;
  }).length;
}

/** The console's line about a surge, or null when joins are arriving at a class's normal pace. */
export function surgeText(joins: JoinActivityView | null, serverNow: number): string | null {
  if (!joins?.lastSurgeAt || serverNow - Date.parse(joins.lastSurgeAt) >= SurgeQuietMs) return null;
  const parts = [`${joins.slowed} ${joins.slowed === 1 ? 'join was' : 'joins were'} slowed`];
  if (joins.turnedAway > 0) parts.push(`${joins.turnedAway} told to try again`);
  return `More students are joining than a class usually does (over ${joins.burst} at once, then ${joins.perSecond} a second): ${parts.join(', ')}. If you don't expect them, make students wait to be let in.`;
}
