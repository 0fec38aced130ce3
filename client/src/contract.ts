// The one mirror of the server's wire contract (src/OpenClosedDebate.Server/Contract and Hubs).
// JSON names are camelCase; enums are camelCase strings. docs/protocol.md explains the rules.

export type Side = 'open' | 'closed';
export type Phase = 'argue' | 'vote' | 'results';
export type DebateStatus = 'draft' | 'lobby' | 'running' | 'finished';
export type RoundKind = 'argument' | 'ranking' | 'motionVote';
export type Audience = 'student' | 'instructor' | 'projector';
export type MotionChoice = 'for' | 'against' | 'undecided';
export type SideAssignmentMode = 'balancedRandom' | 'alternating' | 'manual' | 'devilsAdvocate';
export type ArgumentVisibility = 'everyone' | 'ownSide' | 'ownOnly';
export type TallyMethod = 'borda' | 'instantRunoff' | 'schulze';
/** When the class sees a round's result: as soon as voting closes, or when the instructor reveals it. */
export type ResultReveal = 'atOnce' | 'onClick';
export type OpennessScenario =
  | 'architectureOnly'
  | 'architectureAndWeights'
  | 'everythingPublished'
  | 'otherCombination'
  | 'closed';

export interface PreReading {
  title: string;
  url: string;
}

export interface SettingsView {
  sideAssignment: SideAssignmentMode;
  visibility: ArgumentVisibility;
  tallyMethod: TallyMethod;
  maxRankedItems: number;
  allowRankingOwnArgument: boolean;
  swapSidesEachRound: boolean;
  anonymous: boolean;
  revealResults: ResultReveal;
}

export interface ScenarioView {
  key: OpennessScenario;
  description: string;
}

export interface OptionView {
  id: string;
  label: string;
}

export interface RoundView {
  index: number;
  title: string;
  prompt: string;
  kind: RoundKind;
  openBrief: string | null;
  closedBrief: string | null;
  scenario: ScenarioView | null;
  options: OptionView[];
  maxRanked: number;
  argueSeconds: number | null;
  voteSeconds: number;
  resultsSeconds: number | null;
}

/**
 * Pre-moderation: `beforeProjector` shows a new argument to classmates at once and to the projector once approved;
 * `beforeEveryone` only to its author and the instructor until approved.
 */
export type Moderation = 'off' | 'beforeProjector' | 'beforeEveryone';

/** Why an argument waits for the instructor's approval (and so who sees it meanwhile). */
export type Hold = 'beforeProjector' | 'beforeEveryone' | 'wordFilter';

/** Who may come in: the room takes `capacity` students (waiting ones included); with `approveJoins` joiners wait to be let in. */
export interface EntryView {
  capacity: number;
  approveJoins: boolean;
}

/**
 * Instructor only: how joins are paced. `burst` may join at once, then `perSecond`; `slowed` waited their turn and
 * `turnedAway` were told to try again, since `surgeSince`. A minute after `lastSurgeAt` the surge is over.
 */
export interface JoinActivityView {
  burst: number;
  perSecond: number;
  slowed: number;
  turnedAway: number;
  surgeSince: string | null;
  lastSurgeAt: string | null;
}

export interface DebateView {
  id: string;
  joinCode: string;
  motion: string;
  status: DebateStatus;
  locked: boolean;
  entry: EntryView;
  moderation: Moderation;
  settings: SettingsView;
  preReading: PreReading[];
  rounds: RoundView[];
}

export interface ClockView {
  status: DebateStatus;
  roundIndex: number | null;
  phase: Phase | null;
  deadline: string | null;
  remainingMs: number | null;
  paused: boolean;
  /** A results phase whose result waits for the instructor to reveal it. */
  resultsPending: boolean;
}

export interface CountsView {
  open: number;
  closed: number;
  unassigned: number;
  ballots: number;
  /** Students waiting to be let in (not in open, closed or unassigned). */
  waiting: number;
  /** Students still in the room (let in, not gone) with a ballot in the current round; `ballots` also counts those who left. */
  voted: number;
}

export interface ArgumentView {
  id: string;
  roundIndex: number;
  side: Side;
  authorId: string;
  authorName: string;
  text: string;
  replyToId: string | null;
  postedAt: string;
  hidden: boolean;
  hiddenReason: string | null;
  /** The instructor removed the author's data: the text is gone. */
  withdrawn: boolean;
  /** The event that posted it: a round's arguments are in posting order by it, and it is the cursor of `Arguments`. */
  seq: number;
  /** Waiting for the instructor's approval, and why: no ballot item, can't be rebutted. Null once approved. */
  held: Hold | null;
  /** Approved after voting on its round opened: shown, but not on that ballot. */
  offBallot: boolean;
}

/**
 * Of one side's arguments in one round, how many the receiver may see with a seq below `before` (some it may hold
 * already); every one at or above `before` it holds, or gets as an event. Fetch older ones with `Arguments`.
 */
export interface OlderArgumentsView {
  roundIndex: number;
  side: Side;
  count: number;
  before: number;
}

/** A page of one side's arguments in one round, in posting order, and what is still older. */
export interface ArgumentPageView {
  arguments: ArgumentView[];
  older: OlderArgumentsView;
}

export interface ParticipantView {
  id: string;
  displayName: string;
  pseudonym: string;
  side: Side | null;
  muted: boolean;
  kicked: boolean;
  left: boolean;
  connected: boolean;
  joinedAt: string;
  /** Joined while the room admits by approval, and not let in yet. */
  waiting: boolean;
  /** The round `voted` and `posts` are about: the current one when this view was made (null before the start). */
  roundIndex: number | null;
  /** Has a ballot in round `roundIndex`. */
  voted: boolean;
  /** Arguments and rebuttals posted in round `roundIndex`. */
  posts: number;
  /** The word filter held their name: classmates and the projector see the pseudonym until approved or renamed. */
  nameHeld: boolean;
}

/** One student's part in a round (the `activity` event). */
export interface ActivityView {
  id: string;
  voted: boolean;
  posts: number;
}

export interface YouView {
  participantId: string;
  displayName: string;
  pseudonym: string;
  side: Side | null;
  muted: boolean;
  /** The student's own arguments the instructor hid from the class, and why. */
  hiddenArguments: HiddenArgumentView[];
  /** Waiting for the instructor to let them in: can't post or vote yet. */
  waiting: boolean;
  /** The word filter held their name: classmates see their pseudonym until the instructor approves it. */
  nameHeld: boolean;
}

export interface HiddenArgumentView {
  argumentId: string;
  roundIndex: number;
  text: string;
  reason: string;
}

export interface BallotView {
  roundIndex: number;
  ranking: string[];
  revision: number;
  receipt: string;
  castAt: string;
}

export interface RankedItemView {
  itemId: string;
  label: string | null;
  place: number;
  score: number;
  firstPreferences: number;
  tieBroken: boolean;
}

export interface RankingView {
  method: TallyMethod;
  /** In the room, the first 20 places only; REST results list every item. */
  items: RankedItemView[];
  /** How many items were ranked in all. */
  itemCount: number;
  /** Set when a method was restricted, e.g. Schulze over a shortlist. */
  note: string | null;
  runoff: RunoffView | null;
  pairwise: PairwiseView | null;
}

export interface RunoffCountView {
  itemId: string;
  label: string | null;
  votes: number;
}

export interface RunoffRoundView {
  number: number;
  counts: RunoffCountView[];
  eliminated: string[];
  exhausted: number;
  continuing: number;
}

export interface RunoffView {
  rounds: RunoffRoundView[];
  summarisedRounds: number;
  summarisedEliminated: number;
  /** The round in which the winner had a majority of the ballots still counting; null when no ballot counted. */
  decisiveRound: number | null;
}

/** preferences[i][j]: ballots preferring itemIds[i] to itemIds[j]; strongestPaths likewise. */
export interface PairwiseView {
  itemIds: string[];
  preferences: number[][];
  strongestPaths: number[][];
}

export interface SideScoreView {
  side: Side;
  points: number;
  arguments: number;
  share: number;
}

export interface MotionView {
  for: number;
  against: number;
  undecided: number;
  forPercent: number;
  againstPercent: number;
  undecidedPercent: number;
}

/** How the Oxford-style debate ended, decided from the counts: equal gains are a draw; a vote without ballots gives none. */
export type PersuasionVerdict = 'for' | 'against' | 'draw' | 'noVotes';

export interface PersuasionView {
  before: MotionView;
  after: MotionView;
  /** Percentage points rounded to one decimal for display only; null when a vote had no ballots. */
  forGain: number | null;
  againstGain: number | null;
  /** 'for' or 'against', or null for a draw or no verdict. */
  winner: MotionChoice | null;
  verdict: PersuasionVerdict;
}

export interface ResultView {
  roundIndex: number;
  kind: RoundKind;
  ballotCount: number;
  ranking: RankingView | null;
  sides: SideScoreView[] | null;
  motion: MotionView | null;
  persuasion: PersuasionView | null;
}

export interface RoomSnapshot {
  audience: Audience;
  version: number;
  serverNow: string;
  debate: DebateView;
  clock: ClockView;
  counts: CountsView;
  arguments: ArgumentView[];
  results: ResultView[];
  you: YouView | null;
  ballots: BallotView[] | null;
  roster: ParticipantView[] | null;
  liveTally: ResultView | null;
  /** Instructor only. */
  joins: JoinActivityView | null;
  /** Per side of every argument round that has opened: what `arguments` left out. */
  olderArguments: OlderArgumentsView[];
}

export type RoomEvent =
  | { type: 'clock'; seq: number; clock: ClockView }
  | { type: 'counts'; seq: number; counts: CountsView }
  | { type: 'plan'; seq: number; debate: DebateView }
  | { type: 'lock'; seq: number; locked: boolean }
  | { type: 'entry'; seq: number; entry: EntryView }
  | { type: 'joins'; seq: number; joins: JoinActivityView }
  | { type: 'moderation'; seq: number; moderation: Moderation }
  | { type: 'argument'; seq: number; argument: ArgumentView }
  | { type: 'argumentRemoved'; seq: number; argumentId: string }
  | { type: 'olderArguments'; seq: number; older: OlderArgumentsView }
  | { type: 'authorRenamed'; seq: number; authorId: string; authorName: string }
  | { type: 'results'; seq: number; result: ResultView }
  | { type: 'tally'; seq: number; tally: ResultView }
  | { type: 'roster'; seq: number; participant: ParticipantView }
  | { type: 'activity'; seq: number; roundIndex: number; students: ActivityView[] }
  | { type: 'sidesSwapped'; seq: number; roundIndex: number }
  | { type: 'you'; seq: number; you: YouView }
  | { type: 'removed'; seq: number; message: string };

export interface RoomUpdate {
  serverNow: string;
  events: RoomEvent[];
}

// Requests and acknowledgements.

export interface JoinRequest {
  code: string;
  name: string;
  /** At least 128 random bits, base64url (22–128 characters); it becomes the resume token, and a join retried with it returns the same participant. */
  joinSecret?: string;
  /** Ignored: accepted from older clients. */
  requestId?: string;
}

export interface JoinResult {
  debateId: string;
  participantId: string;
  resumeToken: string;
  snapshot: RoomSnapshot;
}

export interface ResumeRequest {
  debateId: string;
  token: string;
}

export interface PostArgumentRequest {
  requestId: string;
  text: string;
  replyToId: string | null;
}

export interface ArgumentAck {
  requestId: string;
  argument: ArgumentView;
}

export interface BallotRequest {
  requestId: string;
  roundIndex: number;
  ranking: string[];
}

export interface BallotAck {
  requestId: string;
  ballot: BallotView;
}

export interface WatchRequest {
  code: string;
}

/** The newest `limit` (0–50) arguments of `side` in round `roundIndex` with a seq below `before` (null: the newest). */
export interface ArgumentPageRequest {
  debateId: string;
  roundIndex: number;
  side: Side;
  before: number | null;
  limit: number;
}

/** Hub methods the client calls, by wire name, with their arguments and results. */
export interface HubMethods {
  Join: { args: [JoinRequest]; result: JoinResult };
  Resume: { args: [ResumeRequest]; result: RoomSnapshot };
  PostArgument: { args: [PostArgumentRequest]; result: ArgumentAck };
  SubmitBallot: { args: [BallotRequest]; result: BallotAck };
  Leave: { args: []; result: void };
  Watch: { args: [WatchRequest]; result: RoomSnapshot };
  Arguments: { args: [ArgumentPageRequest]; result: ArgumentPageView };
  Attach: { args: [debateId: string]; result: RoomSnapshot };
  OpenLobby: { args: [debateId: string]; result: void };
  Start: { args: [debateId: string]; result: void };
  Pause: { args: [debateId: string]; result: void };
  ResumeClock: { args: [debateId: string]; result: void };
  Extend: { args: [debateId: string, seconds: number]; result: void };
  Skip: { args: [debateId: string]; result: void };
  RevealResults: { args: [debateId: string]; result: void };
  End: { args: [debateId: string]; result: void };
  SetLocked: { args: [debateId: string, locked: boolean]; result: void };
  SetCapacity: { args: [debateId: string, capacity: number]; result: void };
  SetApproveJoins: { args: [debateId: string, approve: boolean]; result: void };
  Admit: { args: [debateId: string, participantId: string]; result: void };
  AdmitAll: { args: [debateId: string]; result: void };
  TurnAwayWaiting: { args: [debateId: string]; result: void };
  MoveStudent: { args: [debateId: string, participantId: string, side: Side]; result: void };
  HideArgument: { args: [debateId: string, argumentId: string, reason: string]; result: void };
  RestoreArgument: { args: [debateId: string, argumentId: string]; result: void };
  SetModeration: { args: [debateId: string, moderation: Moderation]; result: void };
  ApproveArgument: { args: [debateId: string, argumentId: string]; result: void };
  ApproveName: { args: [debateId: string, participantId: string]; result: void };
  SetMuted: { args: [debateId: string, participantId: string, muted: boolean]; result: void };
  Kick: { args: [debateId: string, participantId: string]; result: void };
  Rename: { args: [debateId: string, participantId: string, name: string]; result: void };
}

export type HubMethod = keyof HubMethods;

/** Methods the server calls on the client. */
export interface ClientMethods {
  Update: (update: RoomUpdate) => void;
  Snapshot: (snapshot: RoomSnapshot) => void;
}

export const HubPath = '/hubs/debate';

// REST bodies.

export interface Instructor {
  id: string;
  email: string;
}

export interface SetupStatus {
  needed: boolean;
}

/** Where students join (GET /api/join-address); `url` is null when the page's own address is the one (`page`) or none is known (`none`). */
export interface JoinAddressView {
  url: string | null;
  source: JoinAddressSource;
  networkUrls: string[];
  problem: JoinAddressProblem | null;
}

export type JoinAddressSource = 'publicUrl' | 'page' | 'network' | 'none';

export type JoinAddressProblem = 'localOnly' | 'container' | 'noNetwork';

export interface RoundPlan {
  title: string;
  prompt: string;
  kind: RoundKind;
  openBrief?: string | null;
  closedBrief?: string | null;
  scenario?: OpennessScenario | null;
  argueSeconds: number;
  voteSeconds: number;
  resultsSeconds?: number | null;
  options: string[];
}

export interface DebateSettings {
  sideAssignment: SideAssignmentMode;
  visibility: ArgumentVisibility;
  tallyMethod: TallyMethod;
  maxRankedItems: number;
  allowRankingOwnArgument: boolean;
  swapSidesEachRound: boolean;
  anonymous: boolean;
  revealResults: ResultReveal;
}

export interface DebatePlan {
  motion: string;
  rounds: RoundPlan[];
  settings: DebateSettings;
  preReading: PreReading[];
}

export interface TemplateView {
  id: string;
  name: string;
  description: string;
  plan: DebatePlan;
}

export interface DebateListItem {
  id: string;
  motion: string;
  status: DebateStatus;
  joinCode: string;
  participantCount: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface DebateDetail {
  id: string;
  joinCode: string;
  status: DebateStatus;
  participantCount: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  plan: DebatePlan;
}

export interface CreateDebateRequest {
  templateId?: string;
  plan?: DebatePlan;
}

/**
 * What happened to a closed round after its count. Recounts count what the published result counted at the close,
 * so removed students and hidden, restored or withdrawn arguments change nothing; erased students' ballots are gone,
 * so the recount is without them.
 */
export interface RecountNoteView {
  removedStudents: number;
  hiddenArguments: number;
  restoredArguments: number;
  withdrawnArguments: number;
  erasedStudents: number;
}

export interface RoundComparisonView {
  roundIndex: number;
  title: string;
  /** Counted as at the close: under the debate's method this is the published result (unless a student was erased). */
  results: ResultView[];
  /** Null when nothing happened to the round since its close. */
  recountNote: RecountNoteView | null;
}

export interface MindChangeView {
  participantId: string;
  displayName: string;
  before: MotionChoice | null;
  after: MotionChoice | null;
  changed: boolean;
}

export interface ComparisonView {
  rounds: RoundComparisonView[];
  mindChanges: MindChangeView[];
}

// The instructor's review of a debate (GET /api/debates/{id}/review; the JSON export has the same shape).

export interface ReviewDebateView {
  id: string;
  joinCode: string;
  motion: string;
  status: DebateStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  students: number;
  tallyMethod: TallyMethod;
  preReading: PreReading[];
}

export interface ReviewArgumentView {
  id: string;
  side: Side;
  authorId: string;
  author: string;
  text: string;
  words: number;
  postedAt: string;
  replyToId: string | null;
  hidden: boolean;
  hiddenReason: string | null;
  withdrawn: boolean;
  replies: ReviewArgumentView[];
}

export interface ReviewBallotView {
  participantId: string;
  voter: string;
  ranking: string[];
  revision: number;
  receipt: string;
  castAt: string;
  /** The instructor removed (kicked) the voter. */
  voterRemoved: boolean;
  /** The ballot counts in the round's count as at its close (a student removed after the close still counts there). */
  counted: boolean;
}

export interface ReviewRoundView {
  index: number;
  title: string;
  kind: RoundKind;
  prompt: string;
  openBrief: string | null;
  closedBrief: string | null;
  scenario: ScenarioView | null;
  options: OptionView[];
  open: ReviewArgumentView[];
  closed: ReviewArgumentView[];
  ballots: ReviewBallotView[];
  /** Counted as at the close, the debate's method first (the published result, unless a student was erased), then the others. */
  results: ResultView[];
  /** Null when nothing happened to the round since its close. */
  recountNote: RecountNoteView | null;
}

export interface ParticipationView {
  participantId: string;
  name: string;
  status: string;
  sides: Side[];
  arguments: number;
  rebuttals: number;
  words: number;
  ballots: number;
  revisions: number;
  before: MotionChoice | null;
  after: MotionChoice | null;
  changedMind: boolean;
}

export interface TimelineEntryView {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  text: string;
  roundIndex: number | null;
  participantId: string | null;
  argumentId: string | null;
  replyToId: string | null;
}

export interface ReviewView {
  format: string;
  shared: boolean;
  debate: ReviewDebateView;
  persuasion: PersuasionView | null;
  /** What happened to the two motion votes since their close; null when nothing did. */
  persuasionRecountNote: RecountNoteView | null;
  rounds: ReviewRoundView[];
  participation: ParticipationView[];
  timeline: TimelineEntryView[];
}

/** RFC 7807 problem details, as the REST API returns them. */
/** One thing wrong with one field of a request; `field` is its place in the JSON, e.g. `rounds[2].voteSeconds`. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  title: string;
  status: number;
  code?: string;
  /** Every problem of a refused plan (`invalidPlan`), each with its field. */
  errors?: FieldError[];
}

/** Limits the server enforces (src/OpenClosedDebate.Domain/Debates/DebateLimits.cs). */
export const Limits = {
  displayName: 40,
  argument: 1000,
  /** The most arguments one `Arguments` page carries. */
  argumentsPerPage: 50,
  reason: 200,
  motion: 300,
  title: 120,
  prompt: 2000,
  brief: 1000,
  option: 120,
  maxRounds: 30,
  preReading: 10,
  minOptions: 2,
  maxOptions: 12,
  maxRankedItems: 10,
  minPhaseSeconds: 10,
  maxPhaseSeconds: 7200,
} as const;

export const MotionItems: Record<MotionChoice, string> = { for: 'for', against: 'against', undecided: 'undecided' };
