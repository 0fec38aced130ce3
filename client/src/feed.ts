// Finds broadcasts this connection missed (protocol §4.7). Every update to a whole group carries the room's feed and
// the group's next flush number; snapshots and heartbeats carry the last one. A skipped number, a heartbeat ahead of
// the last number seen, or another feed means a message never arrived (a server's link to the others was down, say):
// the connection then binds again for a fresh snapshot, without a reload.
import type { HeartbeatView, RoomSnapshot, RoomUpdate } from './contract';

export class FeedTracker {
  private feed: string | null = null;
  private flush = 0;

  /** The snapshot an entry (Join, Resume, Attach, Watch) answered with: where this connection now stands. */
  entered(snapshot: Pick<RoomSnapshot, 'feed' | 'flush'>): void {
    this.feed = snapshot.feed;
    this.flush = snapshot.flush;
  }

  /** A snapshot the server pushed (protocol §4.2), already installed: it holds everything up to its number. */
  resnapshot(snapshot: Pick<RoomSnapshot, 'feed' | 'flush'>): void {
    if (snapshot.feed !== this.feed) this.entered(snapshot);
    else this.flush = Math.max(this.flush, snapshot.flush);
  }

  /** Whether an update shows that one before it was missed. Targeted updates carry no number and show nothing. */
  missedBefore(update: Pick<RoomUpdate, 'feed' | 'flush'>): boolean {
    if (this.feed === null || update.feed == null || update.flush == null) return false;
    if (update.feed !== this.feed || update.flush > this.flush + 1) return true;
    this.flush = Math.max(this.flush, update.flush);
    return false;
  }

  /** Whether a heartbeat shows that an update was missed. */
  missedBy(heartbeat: HeartbeatView): boolean {
    return this.feed !== null && (heartbeat.feed !== this.feed || heartbeat.flush > this.flush);
  }

  /** Forgets the room, e.g. when the connection leaves it. */
  clear(): void {
    this.feed = null;
    this.flush = 0;
  }
}
