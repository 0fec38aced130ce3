// Builders for client unit tests.
import type { ArgumentView, DebateView, ParticipantView, RoomSnapshot, RoundView } from './contract';

export function round(index: number, overrides: Partial<RoundView> = {}): RoundView {
  return {
    index,
    title: `Round ${index + 1}`,
    prompt: 'Argue.',
    kind: 'argument',
    openBrief: null,
    closedBrief: null,
    scenario: null,
    options: [],
    maxRanked: 3,
    argueSeconds: 300,
    voteSeconds: 90,
    resultsSeconds: null,
    ...overrides,
  };
}

export function debate(overrides: Partial<DebateView> = {}): DebateView {
  return {
    id: 'd1',
    joinCode: 'ABC234',
    motion: 'Models should be open.',
    status: 'running',
    locked: false,
    entry: { capacity: 150, approveJoins: false },
    moderation: 'off',
    settings: {
      sideAssignment: 'balancedRandom',
      visibility: 'everyone',
      tallyMethod: 'borda',
      maxRankedItems: 3,
      allowRankingOwnArgument: false,
      swapSidesEachRound: false,
      anonymous: false,
      revealResults: 'atOnce',
    },
    preReading: [],
    rounds: [round(0), round(1)],
    ...overrides,
  };
}

export function argument(id: string, overrides: Partial<ArgumentView> = {}): ArgumentView {
  return {
    id,
    roundIndex: 0,
    side: 'open',
    authorId: 'p-other',
    authorName: 'Ben',
    text: `Argument ${id}`,
    replyToId: null,
    postedAt: `2026-11-26T09:00:0${id.length % 10}Z`,
    hidden: false,
    hiddenReason: null,
    withdrawn: false,
    held: null,
    offBallot: false,
    ballotItem: true,
    seq: 1,
    ...overrides,
  };
}

export function snapshot(overrides: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    audience: 'student',
    version: 10,
    serverNow: '2026-11-26T09:00:00.000Z',
    debate: debate(),
    clock: { status: 'running', roundIndex: 0, phase: 'argue', deadline: '2026-11-26T09:05:00.000Z', remainingMs: 300000, paused: false, resultsPending: false },
    counts: { open: 1, closed: 1, unassigned: 0, ballots: 0, waiting: 0, voted: 0 },
    arguments: [],
    results: [],
    you: { participantId: 'p-me', displayName: 'Ada', pseudonym: 'Amber Otter', side: 'open', muted: false, hiddenArguments: [], waiting: false, nameHeld: false },
    ballots: [],
    roster: null,
    liveTally: null,
    joins: null,
    olderArguments: [],
    feed: 'f00d0001',
    flush: 0,
    ...overrides,
  };
}

export function participant(id: string, overrides: Partial<ParticipantView> = {}): ParticipantView {
  return {
    id,
    displayName: id,
    pseudonym: `Pseudonym ${id}`,
    side: 'open',
    muted: false,
    kicked: false,
    left: false,
    connected: true,
    joinedAt: '2026-11-26T09:00:00Z',
    waiting: false,
    roundIndex: 0,
    voted: false,
    posts: 0,
    nameHeld: false,
    ...overrides,
  };
}
