import { useEffect, useRef } from 'preact/hooks';
import { createRoomSession } from '../room';
import { currentRound, type RoomState } from '../state';
import { useStore } from '../store';
import { Announcer } from '../ui/Announcer';
import { Bar, JoinCorner, Tools } from './Bar';
import { ArgueBody } from './Feed';
import { PauseScreen } from './PauseScreen';
import { useJoinTarget } from '../ui/joinAddress';
import { verdictHeadline } from '../ui/verdict';
import { ResultShow } from './ResultShow';
import { RoundHead } from './RoundHead';

const session = createRoomSession();

function codeFromPath(): string {
  return decodeURIComponent(/^\/projector\/([^/]+)/.exec(location.pathname)?.[1] ?? '').toUpperCase();
}

/**
 * The big screen. Every state is laid out on one 80 × 45 em screen whose em scales with the screen
 * (styles.css), so it looks the same at 1920x1080, 1366x768 and 1280x720 and nothing scrolls.
 */
export function ProjectorApp() {
  const code = codeFromPath();
  const state = useStore(session.state);
  const status = useStore(session.status);
  const bindError = useStore(session.bindError);
  // Results already published when the projector opened are shown as they are; later ones are revealed, once.
  const known = useRef<Set<number> | null>(null);
  if (state && !known.current) known.current = new Set(Object.keys(state.results).map(Number));

  useEffect(() => {
    void session.connection.bind({ kind: 'projector', code });
  }, []);

  if (bindError) return <Message text={bindError.message} />;
  if (!state) return <Message text={`Connecting to ${code}…`} />;

  const status_ = state.debate.status;
  const fresh = known.current!;
  return (
    <main class="projector" data-phase={state.clock.paused ? 'paused' : (state.clock.phase ?? status_)}>
      <Announcer text={announcement(state)} />
      {status_ === 'lobby' || status_ === 'draft' ? (
        <Lobby state={state} status={status} />
      ) : state.clock.paused ? (
        <PauseScreen state={state} status={status} />
      ) : status_ === 'finished' ? (
        <Finished state={state} status={status} fresh={fresh} />
      ) : (
        <>
          <Bar state={state} status={status} />
          <Running state={state} fresh={fresh} />
        </>
      )}
    </main>
  );
}

function Message({ text }: { text: string }) {
  return (
    <main class="projector projector--message">
      <p>{text}</p>
    </main>
  );
}

function Lobby({ state, status }: { state: RoomState; status: Parameters<typeof Tools>[0]['status'] }) {
  const total = state.counts.open + state.counts.closed + state.counts.unassigned;
  const target = useJoinTarget();
  return (
    <section class="projector__lobby">
      <header class="projector__lobby-head">
        <h1 class="projector__motion projector__motion--lobby">{state.debate.motion}</h1>
        <Tools status={status} />
      </header>
      <div class="projector__lobby-join">
        <div class="projector__lobby-text">
          <p class="projector__instruction">Join at</p>
          <p class="projector__host">{target?.host ?? '…'}</p>
          {target && !target.origin && <p class="projector__unreachable">Phones can't reach this address yet.</p>}
          <p class="projector__instruction">with the code</p>
          <p class="projector__code mono">{state.debate.joinCode}</p>
          <p class="projector__joined">
            <span class="tally-pill tally-pill--open">
              OPEN <strong>{state.counts.open}</strong>
            </span>
            <span class="tally-pill tally-pill--closed">
              CLOSED <strong>{state.counts.closed}</strong>
            </span>
            {state.counts.unassigned > 0 && (
              <span class="tally-pill">
                No side yet <strong>{state.counts.unassigned}</strong>
              </span>
            )}
            <span class="projector__joined-total">
              {total} {total === 1 ? 'student has' : 'students have'} joined
            </span>
          </p>
          {state.debate.locked && <p class="projector__locked">The room is locked: no one new can join.</p>}
        </div>
        <JoinCorner state={state} large />
      </div>
    </section>
  );
}

function Running({ state, fresh }: { state: RoomState; fresh: Set<number> }) {
  const round = currentRound(state)!;
  const phase = state.clock.phase;
  const result = state.results[round.index];
  return (
    <section class={`projector__round projector__round--${phase}`}>
      <RoundHead state={state} round={round} showPrompt={phase !== 'results'} />
      {phase === 'argue' && <ArgueBody state={state} roundIndex={round.index} />}
      {phase === 'vote' && <VoteBody state={state} />}
      {phase === 'results' &&
        (result ? (
          <ResultShow key={round.index} state={state} result={result} known={fresh} />
        ) : (
          <Waiting state={state} />
        ))}
    </section>
  );
}

function VoteBody({ state }: { state: RoomState }) {
  const round = currentRound(state)!;
  const students = state.counts.open + state.counts.closed + state.counts.unassigned;
  const voted = state.counts.voted;
  const share = students === 0 ? 0 : Math.min(1, voted / students);
  const what =
    round.kind === 'motionVote'
      ? 'Vote For, Against or Undecided on your phone.'
      : round.kind === 'ranking'
        ? `Rank ${round.maxRanked === round.options.length ? 'the options' : `up to ${round.maxRanked} options`} on your phone.`
        : `Rank up to ${round.maxRanked} ${round.maxRanked === 1 ? 'argument' : 'arguments'} on your phone.`;
  return (
    <div class="projector__voting">
      <p class="projector__big">Voting is open</p>
      <p class="projector__what">{what}</p>
      <div class="progress" role="img" aria-label={`${voted} of ${students} students have voted`}>
        <span class="progress__fill" style={{ width: `${share * 100}%` }} />
      </div>
      <p class="projector__what">
        {voted} of {students} {students === 1 ? 'student has' : 'students have'} voted. Results appear when voting closes.
      </p>
    </div>
  );
}

/** The vote has closed; the result waits for the instructor (or, briefly, for the count). */
function Waiting({ state }: { state: RoomState }) {
  return (
    <div class="projector__waiting">
      <p class="projector__big">{state.clock.resultsPending ? 'The votes are in' : 'Counting…'}</p>
      <p class="projector__what">
        {state.counts.ballots} {state.counts.ballots === 1 ? 'ballot' : 'ballots'} counted.
        {state.clock.resultsPending && ' The results will be revealed in a moment.'}
      </p>
      <p class="projector__dots" aria-hidden="true">
        <span>●</span>
        <span>●</span>
        <span>●</span>
      </p>
    </div>
  );
}

function Finished({ state, status, fresh }: { state: RoomState; status: Parameters<typeof Tools>[0]['status']; fresh: Set<number> }) {
  const results = Object.values(state.results).sort((a, b) => a.roundIndex - b.roundIndex);
  const last = results.at(-1);
  return (
    <>
      <Bar state={state} status={status} />
      <section class="projector__finished">
        <p class="projector__thanks">The debate is over. Thank you!</p>
        {last ? (
          <>
            <h2 class="projector__title">{state.debate.rounds[last.roundIndex]?.title}</h2>
            <ResultShow key={last.roundIndex} state={state} result={last} known={fresh} />
          </>
        ) : (
          <p class="projector__big">The debate is over</p>
        )}
      </section>
    </>
  );
}

/** What a screen reader next to the projector hears when the state changes. */
function announcement(state: RoomState): string {
  const round = currentRound(state);
  if (state.debate.status === 'finished') {
    const last = Object.values(state.results).sort((a, b) => a.roundIndex - b.roundIndex).at(-1);
    return `The debate is over.${last?.persuasion ? ` ${verdictHeadline(last.persuasion)}.` : ''}`;
  }
  if (!round || state.debate.status !== 'running') return '';
  if (state.clock.paused) return 'The debate is paused.';
  const phase = state.clock.phase;
  if (phase === 'argue') return `Round ${round.index + 1}: ${round.title}. Arguing has started.`;
  if (phase === 'vote') return `Round ${round.index + 1}: voting is open.`;
  return state.results[round.index] ? `Round ${round.index + 1}: the results are shown.` : 'The votes are in.';
}
