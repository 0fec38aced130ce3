// The console's roster, worked out from the room's state: pure, so it can be tested and stays cheap for big rooms.
import type { ParticipantView, Side } from '../contract';

export type RosterSort = 'name' | 'side' | 'connected' | 'voted' | 'posts';
export type RosterFilter = 'all' | 'notVoted' | 'notPosted' | 'offline';

export interface RosterQuery {
  search: string;
  filter: RosterFilter;
  sort: RosterSort;
  descending: boolean;
}

/** A student in the room, with their part in the current round. */
export interface RosterRow {
  participant: ParticipantView;
  voted: boolean;
  posts: number;
}

/** How many of the room are in each state, for the summary and the filters' counts. */
export interface RosterSummary {
  inRoom: number;
  connected: number;
  voted: number;
  notVoted: number;
  notPosted: number;
  offline: number;
  open: number;
  closed: number;
  unassigned: number;
}

/** Students who are in the room: let in, and neither removed nor gone. Those waiting are listed with the room's entry. */
export function inRoom(p: ParticipantView): boolean {
  return !p.kicked && !p.left && !p.waiting;
}

/** A student's marks for the round being run: the server's view of them is about the round it was made in. */
export function rowOf(p: ParticipantView, roundIndex: number | null): RosterRow {
  const current = roundIndex !== null && p.roundIndex === roundIndex;
  return { participant: p, voted: current && p.voted, posts: current ? p.posts : 0 };
}

export function summarise(rows: readonly RosterRow[]): RosterSummary {
  const s: RosterSummary = { inRoom: rows.length, connected: 0, voted: 0, notVoted: 0, notPosted: 0, offline: 0, open: 0, closed: 0, unassigned: 0 };
  for (const r of rows) {
    if (r.participant.connected) s.connected++;
    else s.offline++;
    if (r.voted) s.voted++;
    else s.notVoted++;
    if (r.posts === 0) s.notPosted++;
    if (r.participant.side === 'open') s.open++;
    else if (r.participant.side === 'closed') s.closed++;
    else s.unassigned++;
  }
  return s;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const searchKeys = new WeakMap<ParticipantView, string>();

/** What a search matches against: the name, without case or accents. Views are replaced on change, so it is kept per view. */
function searchKey(p: ParticipantView): string {
  let key = searchKeys.get(p);
  if (key === undefined) {
    key = fold(p.displayName);
    searchKeys.set(p, key);
  }
  return key;
}

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

const sideOrder = (side: Side | null) => (side === 'open' ? 0 : side === 'closed' ? 1 : 2);
const byName = (a: RosterRow, b: RosterRow) => collator.compare(a.participant.displayName, b.participant.displayName);

/** Ascending puts who needs attention first: offline before connected, not voted before voted, fewest posts first. */
const orders: Record<RosterSort, (a: RosterRow, b: RosterRow) => number> = {
  name: byName,
  side: (a, b) => sideOrder(a.participant.side) - sideOrder(b.participant.side),
  connected: (a, b) => Number(a.participant.connected) - Number(b.participant.connected),
  voted: (a, b) => Number(a.voted) - Number(b.voted),
  posts: (a, b) => a.posts - b.posts,
};

/** The rows to show: matching the search and the filter, in the chosen order (ties by name, then join order). */
export function visibleRows(rows: readonly RosterRow[], q: RosterQuery): RosterRow[] {
  const needle = fold(q.search.trim());
  const keep = filters[q.filter];
  const shown = rows.filter((r) => keep(r) && (needle === '' || searchKey(r.participant).includes(needle)));
  const order = orders[q.sort];
  const sign = q.descending ? -1 : 1;
  return shown.sort((a, b) => sign * order(a, b) || (q.sort === 'name' ? 0 : byName(a, b)) || a.participant.joinedAt.localeCompare(b.participant.joinedAt));
}

const filters: Record<RosterFilter, (r: RosterRow) => boolean> = {
  all: () => true,
  notVoted: (r) => !r.voted,
  notPosted: (r) => r.posts === 0,
  offline: (r) => !r.participant.connected,
};

/** The live tally's line: who of the room has voted, and how many are connected. */
export function votedLine(voted: number, inRoom: number, connected: number, fromGone: number): string {
  const gone = fromGone === 0 ? '' : fromGone === 1 ? ' · 1 more ballot from a student who left' : ` · ${fromGone} more ballots from students who left`;
  return `${voted} of ${inRoom} voted · ${connected} connected${gone}`;
}
