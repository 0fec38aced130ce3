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

export interface DebateView {
  id: string;
  joinCode: string;
  motion: string;
  status: DebateStatus;
  locked: boolean;
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
}

export interface CountsView {
  open: number;
  closed: number;
  unassigned: number;
  ballots: number;
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
}

export interface YouView {
  participantId: string;
  displayName: string;
  pseudonym: string;
  side: Side | null;
  muted: boolean;
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
  decisiveRound: number;
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

export interface PersuasionView {
  before: MotionView;
  after: MotionView;
  forGain: number;
  againstGain: number;
  winner: MotionChoice | null;
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
}

export type RoomEvent =
  | { type: 'clock'; seq: number; clock: ClockView }
  | { type: 'counts'; seq: number; counts: CountsView }
  | { type: 'plan'; seq: number; debate: DebateView }
  | { type: 'lock'; seq: number; locked: boolean }
  | { type: 'argument'; seq: number; argument: ArgumentView }
  | { type: 'argumentRemoved'; seq: number; argumentId: string }
  | { type: 'authorRenamed'; seq: number; authorId: string; authorName: string }
  | { type: 'results'; seq: number; result: ResultView }
  | { type: 'tally'; seq: number; tally: ResultView }
  | { type: 'roster'; seq: number; participant: ParticipantView }
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

/** Hub methods the client calls, by wire name, with their arguments and results. */
export interface HubMethods {
  Join: { args: [JoinRequest]; result: JoinResult };
  Resume: { args: [ResumeRequest]; result: RoomSnapshot };
  PostArgument: { args: [PostArgumentRequest]; result: ArgumentAck };
  SubmitBallot: { args: [BallotRequest]; result: BallotAck };
  Leave: { args: []; result: void };
  Watch: { args: [WatchRequest]; result: RoomSnapshot };
  Attach: { args: [debateId: string]; result: RoomSnapshot };
  OpenLobby: { args: [debateId: string]; result: void };
  Start: { args: [debateId: string]; result: void };
  Pause: { args: [debateId: string]; result: void };
  ResumeClock: { args: [debateId: string]; result: void };
  Extend: { args: [debateId: string, seconds: number]; result: void };
  Skip: { args: [debateId: string]; result: void };
  End: { args: [debateId: string]; result: void };
  SetLocked: { args: [debateId: string, locked: boolean]; result: void };
  MoveStudent: { args: [debateId: string, participantId: string, side: Side]; result: void };
  HideArgument: { args: [debateId: string, argumentId: string, reason: string]; result: void };
  RestoreArgument: { args: [debateId: string, argumentId: string]; result: void };
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

export interface RoundComparisonView {
  roundIndex: number;
  title: string;
  results: ResultView[];
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
  /** The published result first, then the round under the other methods. */
  results: ResultView[];
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
  rounds: ReviewRoundView[];
  participation: ParticipationView[];
  timeline: TimelineEntryView[];
}

/** RFC 7807 problem details, as the REST API returns them. */
export interface Problem {
  title: string;
  status: number;
  code?: string;
}

/** Limits the server enforces (src/OpenClosedDebate.Domain/Debates/DebateLimits.cs). */
export const Limits = {
  displayName: 40,
  argument: 1000,
  reason: 200,
  motion: 300,
  title: 120,
  prompt: 2000,
  brief: 1000,
  option: 120,
  maxRounds: 30,
  minOptions: 2,
  maxOptions: 12,
  maxRankedItems: 10,
  minPhaseSeconds: 10,
  maxPhaseSeconds: 7200,
} as const;

export const MotionItems: Record<MotionChoice, string> = { for: 'for', against: 'against', undecided: 'undecided' };
