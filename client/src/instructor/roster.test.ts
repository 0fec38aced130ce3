import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '../contract';
import { reduce } from '../state';
import { argument, participant, snapshot } from '../testing';
import { comparisonKey } from './comparison';
import { inRoom, type RosterQuery, rowOf, summarise, visibleRows, votedLine } from './roster';

const at = Date.parse('2026-11-26T09:00:00.000Z');
const everyone: RosterQuery = { search: '', filter: 'all', sort: 'name', descending: false };
const names = (rows: { participant: { displayName: string } }[]) => rows.map((r) => r.participant.displayName);

describe('the roster', () => {
  const roster = [
    participant('Émile', { side: 'closed', voted: true, posts: 2 }),
    participant('ada', { connected: false, posts: 1 }),
    participant('Ben', { side: null }),
    participant('Cy', { side: 'closed', voted: true, roundIndex: 0 }),
  ];
  const rows = roster.map((p) => rowOf(p, 0));

  it('sorts names without regard to case or accents, and numbers in names by value', () => {
    expect(names(visibleRows(rows, everyone))).toEqual(['ada', 'Ben', 'Cy', 'Émile']);
    const numbered = ['Student 10', 'Student 9', 'Student 100'].map((n) => rowOf(participant(n), 0));
    expect(names(visibleRows(numbered, everyone))).toEqual(['Student 9', 'Student 10', 'Student 100']);
  });

  it('finds students by part of their name, ignoring case and accents', () => {
    expect(names(visibleRows(rows, { ...everyone, search: 'emi' }))).toEqual(['Émile']);
    expect(names(visibleRows(rows, { ...everyone, search: '  ADA ' }))).toEqual(['ada']);
    expect(visibleRows(rows, { ...everyone, search: 'pseudonym' })).toEqual([]);
    expect(visibleRows(rows, { ...everyone, search: 'zed' })).toEqual([]);
  });

  it("shows who hasn't voted, who hasn't posted and who isn't connected", () => {
    expect(names(visibleRows(rows, { ...everyone, filter: 'notVoted' }))).toEqual(['ada', 'Ben']);
    expect(names(visibleRows(rows, { ...everyone, filter: 'notPosted' }))).toEqual(['Ben', 'Cy']);
    expect(names(visibleRows(rows, { ...everyone, filter: 'offline' }))).toEqual(['ada']);
  });

  it('sorts by side, connection, vote and posts with those needing attention first, ties by name', () => {
    expect(names(visibleRows(rows, { ...everyone, sort: 'side' }))).toEqual(['ada', 'Cy', 'Émile', 'Ben']);
    expect(names(visibleRows(rows, { ...everyone, sort: 'connected' }))).toEqual(['ada', 'Ben', 'Cy', 'Émile']);
    expect(names(visibleRows(rows, { ...everyone, sort: 'voted' }))).toEqual(['ada', 'Ben', 'Cy', 'Émile']);
    expect(names(visibleRows(rows, { ...everyone, sort: 'voted', descending: true }))).toEqual(['Cy', 'Émile', 'ada', 'Ben']);
    expect(names(visibleRows(rows, { ...everyone, sort: 'posts', descending: true }))).toEqual(['Émile', 'ada', 'Ben', 'Cy']);
  });

  it("counts a student's marks only in the round they were made for", () => {
    const marked = participant('Dee', { roundIndex: 1, voted: true, posts: 3 });
    expect(rowOf(marked, 1)).toMatchObject({ voted: true, posts: 3 });
    expect(rowOf(marked, 2)).toMatchObject({ voted: false, posts: 0 });
    expect(rowOf(marked, null)).toMatchObject({ voted: false, posts: 0 });
  });

  it('leaves out students who left, were removed or wait to be let in, and sums up the rest', () => {
    const gone = [participant('Left', { left: true }), participant('Kicked', { kicked: true }), participant('Waiting', { waiting: true })];
    expect([...roster, ...gone].filter(inRoom)).toHaveLength(4);
    expect(summarise(rows)).toEqual({ inRoom: 4, connected: 3, voted: 2, notVoted: 2, notPosted: 2, offline: 1, open: 1, closed: 2, unassigned: 1 });
  });

  it('applies activity events to the roster entries they name', () => {
    const state = reduce(null, { type: 'snapshot', snapshot: snapshot({ audience: 'instructor', roster: [participant('p1'), participant('p2')] }), receivedAt: at })!;
    const event: RoomEvent = { type: 'activity', seq: 11, roundIndex: 0, students: [{ id: 'p1', voted: true, posts: 2 }, { id: 'unknown', voted: true, posts: 0 }] };
    const next = reduce(state, { type: 'update', update: { serverNow: '2026-11-26T09:00:01.000Z', events: [event] }, receivedAt: at + 1000 })!;
    expect(next.roster['p1']).toMatchObject({ voted: true, posts: 2, roundIndex: 0 });
    expect(next.roster['p2']).toBe(state.roster['p2']);
    expect(next.roster['unknown']).toBeUndefined();
  });
});

describe('the live tally line', () => {
  it('counts the room and says how many are connected', () => {
    expect(votedLine(5, 6, 6, 0)).toBe('5 of 6 voted · 6 connected');
    expect(votedLine(5, 6, 4, 1)).toBe('5 of 6 voted · 4 connected · 1 more ballot from a student who left');
    expect(votedLine(0, 6, 6, 2)).toBe('0 of 6 voted · 6 connected · 2 more ballots from students who left');
  });
});

describe('the comparison', () => {
  const base = () => reduce(null, { type: 'snapshot', snapshot: snapshot({ audience: 'instructor', roster: [participant('p1')], arguments: [argument('a1'), argument('a2', { roundIndex: 1 })] }), receivedAt: at })!;

  it('loads again when a round closes, a student is removed or an argument of a closed round is hidden or restored', () => {
    const state = base();
    const closed = { ...state, results: { 0: { roundIndex: 0 } as never } };
    expect(comparisonKey(closed)).not.toBe(comparisonKey(state));
    const kicked = { ...closed, roster: { p1: participant('p1', { kicked: true }) } };
    expect(comparisonKey(kicked)).not.toBe(comparisonKey(closed));
    const hidden = { ...closed, arguments: { ...closed.arguments, a1: argument('a1', { hidden: true }) } };
    expect(comparisonKey(hidden)).not.toBe(comparisonKey(closed));
    const restored = { ...hidden, arguments: { ...hidden.arguments, a1: argument('a1') } };
    expect(comparisonKey(restored)).toBe(comparisonKey(closed));
  });

  it('does not load again for a post or for hiding an argument of a round still open', () => {
    const state = { ...base(), results: { 0: { roundIndex: 0 } as never } };
    const posted = { ...state, arguments: { ...state.arguments, a3: argument('a3', { roundIndex: 1 }) } };
    expect(comparisonKey(posted)).toBe(comparisonKey(state));
    const hiddenOpen = { ...state, arguments: { ...state.arguments, a2: argument('a2', { roundIndex: 1, hidden: true }) } };
    expect(comparisonKey(hiddenOpen)).toBe(comparisonKey(state));
  });
});
