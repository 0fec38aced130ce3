import { currentRound, type RoomState } from '../state';
import type { RoomSession } from '../room';
import { useStore } from '../store';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Countdown } from '../ui/Countdown';
import { Notice } from '../ui/Notice';
import { ResultsPanel } from '../ui/ResultsPanel';
import { SideBadge } from '../ui/SideBadge';
import { ArguePanel } from './ArguePanel';
import { BallotPanel } from './BallotPanel';
import { MotionPanel } from './MotionPanel';
import type { SavedSession } from './sessions';

export function RoomPage({ session, seat, onLeft }: { session: RoomSession; seat: SavedSession; onLeft: () => void }) {
  const state = useStore(session.state);
  const status = useStore(session.status);

  async function leave() {
    if (!confirm('Leave this debate? You will need the code to join again.')) return;
    try {
      await session.connection.invoke('Leave');
    } finally {
      onLeft();
    }
  }

  return (
    <div class="student">
      <header class="topbar">
        <span class="topbar__code">Code {seat.code}</span>
        <ConnectionBadge status={status} />
      </header>
      <main class="page page--narrow">
        {!state ? (
          <p class="loading">Loading the debate…</p>
        ) : state.removed ? (
          <Notice kind="error">{state.removed}</Notice>
        ) : (
          <Room state={state} session={session} />
        )}
        {state && !state.removed && state.debate.status !== 'finished' && (
          <p class="leave">
            <button class="button button--link" type="button" onClick={leave}>
              Leave debate
            </button>
          </p>
        )}
      </main>
    </div>
  );
}

function Room({ state, session }: { state: RoomState; session: RoomSession }) {
  const you = state.you!;
  const round = currentRound(state);
  const status = state.debate.status;
  return (
    <>
      <section class="identity card">
        <div>
          <p class="identity__name">{you.displayName}</p>
          {state.debate.settings.anonymous && <p class="identity__pseudonym">Others see you as {you.pseudonym}</p>}
        </div>
        <SideBadge side={you.side} large />
      </section>
      {you.side && status !== 'finished' && (
        <p class="identity__brief">
          {you.side === 'open' ? 'You argue that models should be open.' : 'You argue that models should be closed.'}
        </p>
      )}
      <h1 class="motion">{state.debate.motion}</h1>

      {status === 'lobby' || status === 'draft' ? (
        <Lobby state={state} />
      ) : status === 'finished' ? (
        <Finished state={state} />
      ) : round ? (
        <section class="round">
          <header class="round__header">
            <p class="round__number">
              Round {round.index + 1} of {state.debate.rounds.length}
            </p>
            <Countdown clock={state.clock} offset={state.offset} />
          </header>
          <h2 class="round__title">{round.title}</h2>
          {state.clock.paused && <Notice>The instructor has paused the debate.</Notice>}
          {you.muted && <Notice kind="error">The instructor has muted you, so you can't post. You can still vote.</Notice>}
          <p class="round__prompt">{round.prompt}</p>
          {round.kind === 'argument' && you.side && (you.side === 'open' ? round.openBrief : round.closedBrief) && (
            <p class={`round__brief round__brief--${you.side}`}>{you.side === 'open' ? round.openBrief : round.closedBrief}</p>
          )}
          {round.scenario && (
            <p class="round__scenario">
              <strong>Scenario:</strong> {round.scenario.description}
            </p>
          )}
          {state.clock.phase === 'argue' && <ArguePanel state={state} session={session} roundIndex={round.index} />}
          {state.clock.phase === 'vote' &&
            (round.kind === 'motionVote' ? (
              <MotionPanel state={state} session={session} roundIndex={round.index} />
            ) : (
              <BallotPanel key={round.index} state={state} session={session} roundIndex={round.index} />
            ))}
          {state.clock.phase === 'results' &&
            (state.results[round.index] ? (
              <ResultsPanel state={state} result={state.results[round.index]} />
            ) : (
              <p class="loading">Counting the ballots…</p>
            ))}
        </section>
      ) : null}
    </>
  );
}

function Lobby({ state }: { state: RoomState }) {
  const total = state.counts.open + state.counts.closed + state.counts.unassigned;
  return (
    <section class="card lobby">
      <h2>You're in!</h2>
      <p>Waiting for the instructor to start. {total} {total === 1 ? 'student has' : 'students have'} joined.</p>
      {state.locked && <p>The room is now locked.</p>}
      {state.debate.preReading.length > 0 && (
        <>
          <h3>Before we start, read</h3>
          <ul class="reading">
            {state.debate.preReading.map((r) => (
              <li key={r.url}>
                <a href={r.url} target="_blank" rel="noopener noreferrer">
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Finished({ state }: { state: RoomState }) {
  const results = Object.values(state.results).sort((a, b) => a.roundIndex - b.roundIndex);
  const last = results.at(-1);
  return (
    <section class="finished">
      <h2>The debate is over. Thank you!</h2>
      {last && (
        <>
          <h3>{state.debate.rounds[last.roundIndex]?.title}</h3>
          <ResultsPanel state={state} result={last} />
        </>
      )}
      {results.slice(0, -1).map((r) => (
        <details class="card" key={r.roundIndex}>
          <summary>{state.debate.rounds[r.roundIndex]?.title}</summary>
          <ResultsPanel state={state} result={r} />
        </details>
      ))}
    </section>
  );
}
