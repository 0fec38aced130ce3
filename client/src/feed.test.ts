import { describe, expect, it } from 'vitest';
import { FeedTracker } from './feed';

const beat = (feed: string, flush: number) => ({ feed, flush, serverNow: '2026-11-26T09:00:00Z' });

describe('FeedTracker', () => {
  it('takes numbered updates one after another, and old or targeted ones, as nothing missed', () => {
    const feed = new FeedTracker();
    feed.entered({ feed: 'a1', flush: 4 });

    expect(feed.missedBefore({ feed: 'a1', flush: 3 })).toBe(false); // queued before the snapshot answered
    expect(feed.missedBefore({ feed: 'a1', flush: 5 })).toBe(false);
    expect(feed.missedBefore({ feed: null, flush: null })).toBe(false); // a side's or one student's update
    expect(feed.missedBefore({ feed: 'a1', flush: 6 })).toBe(false);
    expect(feed.missedBy(beat('a1', 6))).toBe(false);
  });

  it('sees a skipped number as a missed update', () => {
    const feed = new FeedTracker();
    feed.entered({ feed: 'a1', flush: 4 });

    expect(feed.missedBefore({ feed: 'a1', flush: 6 })).toBe(true);
  });

  it('sees a heartbeat ahead of the last update, or of another feed, as a missed update', () => {
    const feed = new FeedTracker();
    feed.entered({ feed: 'a1', flush: 4 });

    expect(feed.missedBy(beat('a1', 5))).toBe(true);
    expect(feed.missedBy(beat('b2', 4))).toBe(true);
    expect(feed.missedBefore({ feed: 'b2', flush: 1 })).toBe(true);
  });

  it('counts a pushed snapshot as having everything up to its number', () => {
    const feed = new FeedTracker();
    feed.entered({ feed: 'a1', flush: 4 });
    feed.resnapshot({ feed: 'a1', flush: 7 });

    expect(feed.missedBy(beat('a1', 7))).toBe(false);
    expect(feed.missedBefore({ feed: 'a1', flush: 8 })).toBe(false);
  });

  it('sees nothing before it enters a room, or after it leaves one', () => {
    const feed = new FeedTracker();

    expect(feed.missedBy(beat('a1', 9))).toBe(false);
    feed.entered({ feed: 'a1', flush: 1 });
    feed.clear();
    expect(feed.missedBefore({ feed: 'a1', flush: 9 })).toBe(false);
  });
});
