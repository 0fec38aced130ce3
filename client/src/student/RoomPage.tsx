import { useEffect, useRef, useState } from 'preact/hooks';
import { currentRound, type RoomState } from '../state';
import type { RoomSession } from '../room';
import { useStore } from '../store';
import { Announcer } from '../ui/Announcer';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { excerpt } from '../ui/fit';
import { Notice } from '../ui/Notice';
import { PhaseClock } from '../ui/PhaseClock';
import { ResultsPanel } from '../ui/ResultsPanel';
import { SideBadge } from '../ui/SideBadge';
import { ArguePanel } from './ArguePanel';
import { BallotPanel } from './BallotPanel';
import { forgetDrafts } from './drafts';
import { MotionPanel } from './MotionPanel';
import { NetworkBanner } from './NetworkBanner';
import { type SavedSession, saveSession } from './sessions';
import { whatChanged, whatToAnnounce } from './whatChanged';

export function RoomPage({ session, seat, onLeft }: { session: RoomSession; seat: SavedSession; onLeft: () => void }) {
  const state = useStore(session.state);
  const status = useStore(session.status);
  const change = usePhaseChanges(state);

  async function leave() {
    if (!confirm('Leave this debate? You will need the code to join again.')) return;
    try {
      await session.connection.invoke('Leave');
    } finally {
      forgetDrafts(seat.debateId);
      onLeft();
    }
  }

  return (
    <div class="student">
      <div class="student__top">
        <header class="topbar topbar--student">
          <SideBadge side={state?.you?.side ?? null} none={state?.you?.waiting ? 'Waiting' : undefined} />
          {state && <PhaseClock state={state} />}
          <ConnectionBadge status={status} />
        </header>
        <NetworkBanner status={status} />
      </div>
      <Announcer text={change.announcement} />
      <main class="page page--narrow">
        {!state ? (
          <p class="loading">Loading the debate…</p>
        ) : state.removed ? (
          <Notice kind="error">{state.removed}</Notice>
        ) : (
          <Room state={state} session={session} seat={seat} changed={change.notice} />
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

/**
 * Watches for a new phase (or a pause, or results revealed): says what changed on the page and to
 * screen readers, buzzes the phone where the browser allows it, and brings the new task into view.
 * The first picture after a load is not a change.
 */
function usePhaseChanges(state: RoomState | null) {
  const [notice, setNotice] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<{ key: string; task: string } | null>(null);
  const key = state ? `${state.debate.status}|${state.clock.roundIndex}|${state.clock.phase}|${state.clock.paused}|${state.clock.resultsPending}|${state.results[state.clock.roundIndex ?? -1] ? 1 : 0}|${state.you?.waiting ? 1 : 0}` : '';
  const task = state ? `${state.debate.status}|${state.clock.roundIndex}|${state.clock.phase}` : '';
  useEffect(() => {
    if (!state) return;
    const before = previous.current;
    previous.current = { key, task };
    if (!before || before.key === key) return;
    // A pause has its own notice for as long as it lasts.
    setNotice(state.clock.paused ? null : whatChanged(state));
    setAnnouncement(whatToAnnounce(state));
    try {
      navigator.vibrate?.(before.task === task ? 60 : [120, 60, 120]);
    } catch {
      // Not allowed here; the page says it anyway.
    }
    if (before.task !== task) {
      const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
      requestAnimationFrame(() => document.getElementById('task')?.scrollIntoView({ block: 'start', behavior: reduced ? 'auto' : 'smooth' }));
    }
  }, [key]);
  return { notice, announcement };
}

function Room({ state, session, seat, changed }: { state: RoomState; session: RoomSession; seat: SavedSession; changed: string | null }) {
  const you = state.you!;
  const round = currentRound(state);
  const status = state.debate.status;
  return (
    <>
      <section class="identity">
        <p class="identity__name">{you.displayName}</p>
        {state.debate.settings.anonymous && <p class="identity__pseudonym">Others see you as {you.pseudonym}</p>}
        {you.side && status !== 'finished' && (
          <p class="identity__brief">{you.side === 'open' ? 'You argue that models should be open.' : 'You argue that models should be closed.'}</p>
        )}
      </section>
      <Moderation state={state} seat={seat} />
      <p class="motion">{state.debate.motion}</p>

      {you.waiting && status !== 'finished' ? (
        <Waiting state={state} />
      ) : status === 'lobby' || status === 'draft' ? (
        <Lobby state={state} />
      ) : status === 'finished' ? (
        <div id="task" class="task">
          {changed && <Notice>{changed}</Notice>}
          <Finished state={state} />
        </div>
      ) : round ? (
        <section class="round">
          <header class="round__header">
            <p class="round__number">
              Round {round.index + 1} of {state.debate.rounds.length}
            </p>
            <h2 class="round__title">{round.title}</h2>
          </header>
          <RoundBrief state={state} open={state.clock.phase === 'argue'} />
          <div id="task" class="task">
            {changed && <Notice>{changed}</Notice>}
            {state.clock.paused && <Notice kind="error">The instructor has paused the debate. You can post and vote again when it carries on.</Notice>}
            {you.muted && <Notice kind="error">The instructor has muted you, so you can't post. You can still vote.</Notice>}
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
                <p class="loading">{state.clock.resultsPending ? 'Voting has closed. Your instructor will reveal the results in a moment.' : 'Counting the ballots…'}</p>
              ))}
          </div>
        </section>
      ) : null}
    </>
  );
}

/**
 * The round's prompt, the student's brief and the scenario: open while arguing, folded away once
 * voting starts so the ballot comes first (one tap opens them again).
 */
function RoundBrief({ state, open }: { state: RoomState; open: boolean }) {
  const round = currentRound(state)!;
  const side = state.you?.side;
  const brief = round.kind === 'argument' && side ? (side === 'open' ? round.openBrief : round.closedBrief) : null;
  const body = (
    <>
      <p class="round__prompt">{round.prompt}</p>
      {brief && <p class={`round__brief round__brief--${side}`}>{brief}</p>}
      {round.scenario && (
        <p class="round__scenario">
          <strong>Scenario:</strong> {round.scenario.description}
        </p>
      )}
    </>
  );
  if (open) return body;
  return (
    <details class="round__about">
      <summary>The question{brief ? ', your brief' : ''}{round.scenario ? ' and the scenario' : ''}</summary>
      {body}
    </details>
  );
}

/** What the instructor did to this student: a hidden argument and why, a new name. */
function Moderation({ state, seat }: { state: RoomState; seat: SavedSession }) {
  const you = state.you!;
  const [knownName, setKnownName] = useState(seat.name);
  const renamed = knownName !== you.displayName;
  function understood() {
    saveSession({ ...seat, name: you.displayName, savedAt: Date.now() });
    setKnownName(you.displayName);
  }
  return (
    <>
      {renamed && (
        <div class="notice notice--info moderation" role="status">
          The instructor changed your name to <strong>{you.displayName}</strong> (you joined as {knownName}).{' '}
          <button class="button button--small" type="button" onClick={understood}>
            OK
          </button>
        </div>
      )}
      {you.nameHeld && (
        <div class="notice notice--info moderation" role="status" data-name-held>
          Your instructor checks your name before the class sees it. Until then, classmates and the projector show you as{' '}
          <strong>{you.pseudonym}</strong>.
        </div>
      )}
      {you.hiddenArguments.map((h) => (
        <div class="notice notice--error moderation" role="status" key={h.argumentId} data-hidden-argument={h.argumentId}>
          The instructor hid your argument “{excerpt(h.text, 80)}” in round {h.roundIndex + 1}. Reason: {h.reason}. The class no
          longer sees it.
        </div>
      ))}
    </>
  );
}

/** Joined a room that admits by approval: nothing to do until the instructor lets them in. */
function Waiting({ state }: { state: RoomState }) {
  return (
    <section id="task" class="card lobby waiting" aria-live="polite">
      <h2>Waiting to be let in</h2>
      <p class="lobby__code">
        Code <strong class="mono">{state.debate.joinCode}</strong>
      </p>
      <p>Your instructor lets students in one by one. Keep this page open: it changes by itself when you're in.</p>
    </section>
  );
}

function Lobby({ state }: { state: RoomState }) {
  const total = state.counts.open + state.counts.closed + state.counts.unassigned;
  return (
    <section class="card lobby">
      <h2>You're in!</h2>
      <p class="lobby__code">
        Code <strong class="mono">{state.debate.joinCode}</strong>
      </p>
      <p>
        Waiting for the instructor to start. {total} {total === 1 ? 'student has' : 'students have'} joined.
      </p>
      {state.debate.locked && <p>The room is now locked.</p>}
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
