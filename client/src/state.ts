// The client's picture of a room, built only from snapshots and updates. Pure: no I/O, no clock.
import type {
  ArgumentPageView,
  ArgumentView,
  Audience,
  BallotView,
  ClockView,
  CountsView,
  DebateView,
  JoinActivityView,
  OlderArgumentsView,
  ParticipantView,
  ResultView,
  RoomEvent,
  RoomSnapshot,
  RoomUpdate,
  Side,
  YouView,
} from './contract';
import { addOffsetSample, type ClockOffset, emptyOffset } from './countdown';

export interface RoomState {
  audience: Audience;
  /** The snapshot's version: events at or below it are already included. */
  version: number;
  debate: DebateView;
  clock: ClockView;
  counts: CountsView;
  arguments: Record<string, ArgumentView>;
  /** Per round and side (`olderKey`), the older arguments left out of `arguments` and the cursor to fetch them. */
  older: Record<string, OlderArgumentsView>;
  results: Record<number, ResultView>;
  you: YouView | null;
  ballots: Record<number, BallotView>;
  roster: Record<string, ParticipantView>;
  tally: ResultView | null;
  /** Instructor only: how joins are paced. */
  joins: JoinActivityView | null;
  removed: string | null;
  offset: ClockOffset;
}

export type Action =
  | { type: 'snapshot'; snapshot: RoomSnapshot; receivedAt: number }
  | { type: 'update'; update: RoomUpdate; receivedAt: number }
  | { type: 'ballotAcknowledged'; ballot: BallotView }
  | { type: 'argumentAcknowledged'; argument: ArgumentView }
  | { type: 'argumentPage'; page: ArgumentPageView };

export function reduce(state: RoomState | null, action: Action): RoomState | null {
  switch (action.type) {
    case 'snapshot':
      return fromSnapshot(action.snapshot, action.receivedAt, state?.offset);
    case 'update':
      if (!state) return state;
      return applyUpdate(state, action.update, action.receivedAt);
    case 'ballotAcknowledged':
      if (!state) return state;
      return { ...state, ballots: { ...state.ballots, [action.ballot.roundIndex]: action.ballot } };
    case 'argumentAcknowledged':
      if (!state) return state;
      return { ...state, arguments: { ...state.arguments, [action.argument.id]: action.argument } };
    case 'argumentPage':
      if (!state) return state;
      return {
        ...state,
        arguments: { ...state.arguments, ...byKey(action.page.arguments, (a) => a.id) },
        older: { ...state.older, [olderKey(action.page.older.roundIndex, action.page.older.side)]: action.page.older },
      };
  }
}

/** The key of a round and side in `RoomState.older`. */
export function olderKey(roundIndex: number, side: Side): string {
  return `${roundIndex}:${side}`;
}

function fromSnapshot(s: RoomSnapshot, receivedAt: number, offset?: ClockOffset): RoomState {
  return {
    audience: s.audience,
    version: s.version,
    debate: s.debate,
    clock: s.clock,
    counts: s.counts,
    arguments: byKey(s.arguments, (a) => a.id),
    older: byKey(s.olderArguments, (o) => olderKey(o.roundIndex, o.side)),
    results: byKey(s.results, (r) => r.roundIndex),
    you: s.you,
    ballots: byKey(s.ballots ?? [], (b) => b.roundIndex),
    roster: byKey(s.roster ?? [], (p) => p.id),
    tally: s.liveTally,
    joins: s.joins,
    removed: null,
    offset: addOffsetSample(offset ?? emptyOffset(), Date.parse(s.serverNow), receivedAt),
  };
}

function applyUpdate(state: RoomState, update: RoomUpdate, receivedAt: number): RoomState {
  let next: RoomState = { ...state, offset: addOffsetSample(state.offset, Date.parse(update.serverNow), receivedAt) };
  for (const e of update.events) {
    if (e.seq <= state.version) continue;
    next = applyEvent(next, e);
  }
  return next;
}

function applyEvent(s: RoomState, e: RoomEvent): RoomState {
  switch (e.type) {
    case 'clock':
      // The live tally is of a vote under way: once the phase leaves the vote it is gone, as a snapshot has it.
      return { ...s, clock: e.clock, debate: { ...s.debate, status: e.clock.status }, tally: e.clock.phase === 'vote' ? s.tally : null };
    case 'counts':
      return { ...s, counts: e.counts };
    case 'plan':
      return { ...s, debate: e.debate };
    case 'lock':
      return { ...s, debate: { ...s.debate, locked: e.locked } };
    case 'entry':
      return { ...s, debate: { ...s.debate, entry: e.entry } };
    case 'joins':
      return { ...s, joins: e.joins };
    case 'moderation':
      return { ...s, debate: { ...s.debate, moderation: e.moderation } };
    case 'argument':
      return { ...s, arguments: { ...s.arguments, [e.argument.id]: e.argument } };
    case 'olderArguments':
      return { ...s, older: { ...s.older, [olderKey(e.older.roundIndex, e.older.side)]: e.older } };
    case 'argumentRemoved': {
      const rest = { ...s.arguments };
      delete rest[e.argumentId];
      return { ...s, arguments: rest };
    }
    case 'authorRenamed': {
      const renamed: Record<string, ArgumentView> = {};
      for (const [id, a] of Object.entries(s.arguments)) {
        renamed[id] = a.authorId === e.authorId ? { ...a, authorName: e.authorName } : a;
      }
      return { ...s, arguments: renamed };
    }
    case 'results':
      return { ...s, results: { ...s.results, [e.result.roundIndex]: e.result } };
    case 'tally':
      return { ...s, tally: e.tally };
    case 'roster':
      return { ...s, roster: { ...s.roster, [e.participant.id]: e.participant } };
    case 'activity': {
      const roster = { ...s.roster };
      for (const a of e.students) {
        const p = roster[a.id];
        if (p) roster[a.id] = { ...p, roundIndex: e.roundIndex, voted: a.voted, posts: a.posts };
      }
      return { ...s, roster };
    }
    case 'sidesSwapped':
      // A notice only: the server sends each student who swapped a `you`, and the instructor a `roster`, with the new side.
      return s;
    case 'you':
      return { ...s, you: e.you };
    case 'removed':
      return { ...s, removed: e.message };
  }
}

export function opposite(side: Side): Side {
  return side === 'open' ? 'closed' : 'open';
}

function byKey<T, K extends string | number>(items: T[], key: (item: T) => K): Record<K, T> {
  const result = {} as Record<K, T>;
  for (const item of items) result[key(item)] = item;
  return result;
}

// Derived views, shared by the pages.

/** How many older arguments of a side in a round the server has that this client doesn't, and the cursor to fetch them. */
export function olderArguments(s: RoomState, roundIndex: number, side: Side): OlderArgumentsView | null {
  const older = s.older[olderKey(roundIndex, side)];
  return older && older.count > 0 ? older : null;
}

/** How many arguments a side has in a round as far as this client knows: those it holds above the cursor, and the older ones it was told of. */
export function argumentTotal(s: RoomState, roundIndex: number, side: Side): number {
  const older = s.older[olderKey(roundIndex, side)];
  const held = Object.values(s.arguments).filter((a) => a.roundIndex === roundIndex && a.side === side && (!older || a.seq >= older.before));
  return held.length + (older?.count ?? 0);
}

export function currentRound(s: RoomState) {
  return s.clock.roundIndex === null ? null : (s.debate.rounds[s.clock.roundIndex] ?? null);
}

/** A round's arguments in posting order, rebuttals listed under what they answer. */
export function threadedArguments(s: RoomState, roundIndex: number): { argument: ArgumentView; replies: ArgumentView[] }[] {
  const round = Object.values(s.arguments)
    .filter((a) => a.roundIndex === roundIndex)
    .sort(byPosting);
  const present = new Set(round.map((a) => a.id));
  const replies = new Map<string, ArgumentView[]>();
  const roots: ArgumentView[] = [];
  for (const a of round) {
    if (a.replyToId && present.has(a.replyToId)) {
      const list = replies.get(a.replyToId) ?? [];
      list.push(a);
      replies.set(a.replyToId, list);
    } else {
      roots.push(a);
    }
  }
  const flatten = (a: ArgumentView): ArgumentView[] => (replies.get(a.id) ?? []).flatMap((r) => [r, ...flatten(r)]);
  return roots.map((argument) => ({ argument, replies: flatten(argument) }));
}

/**
 * What a student may put on their ballot this round: the fixed options, or the round's arguments the server marks as
 * ballot items, less the student's own unless the debate allows ranking them. Held to what the server accepts by
 * student/ballotChoices.cases.json, which the server's tests write.
 */
export function ballotChoices(s: RoomState, roundIndex: number): { id: string; label: string; side?: Side }[] {
  const round = s.debate.rounds[roundIndex];
  if (!round) return [];
  if (round.kind !== 'argument') return round.options.map((o) => ({ id: o.id, label: o.label }));
  const mine = s.you?.participantId;
  return Object.values(s.arguments)
    .filter((a) => a.roundIndex === roundIndex && a.ballotItem)
    .filter((a) => s.debate.settings.allowRankingOwnArgument || a.authorId !== mine)
    .sort(byPosting)
    .map((a) => ({ id: a.id, label: a.text, side: a.side }));
}

/** Posting order: by the event that posted each argument. */
export function byPosting(a: ArgumentView, b: ArgumentView): number {
  return a.seq - b.seq;
}
