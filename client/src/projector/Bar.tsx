import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ConnectionStatus } from '../connection';
import { formatRemaining, remainingMs } from '../countdown';
import type { RoomState } from '../state';
import { useNow } from '../store';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { joinLink, useJoinTarget } from '../ui/joinAddress';
import { QrCode } from '../ui/QrCode';

const phaseNames = { argue: 'Arguing', vote: 'Voting', results: 'Results' } as const;

/** The top of every running screen: the motion, the clock and the sides, and the way in for late joiners. */
export function Bar({ state, status }: { state: RoomState; status: ConnectionStatus }) {
  return (
    <header class="projector__bar">
      <h1 class="projector__motion">{state.debate.motion}</h1>
      <Clock state={state} />
      {state.debate.status === 'finished' ? (
        <Tools status={status} />
      ) : (
        <JoinCorner state={state}>
          <Tools status={status} />
        </JoinCorner>
      )}
    </header>
  );
}

/** The phase, the time left and each side's head count: in the same place in every phase. */
export function Clock({ state }: { state: RoomState }) {
  const now = useNow();
  const clock = state.clock;
  const left = remainingMs(clock, state.offset, now);
  const running = clock.status === 'running' && clock.phase;
  const urgent = left !== null && left <= 10_000 && !clock.paused;
  return (
    <div class={`projector__clock${urgent ? ' projector__clock--urgent' : ''}`} role="timer" aria-label="Time left">
      <p class="projector__phase">{running ? (clock.paused ? 'Paused' : phaseNames[clock.phase!]) : 'Finished'}</p>
      {running && (left === null ? <p class="projector__time projector__time--none">until the instructor moves on</p> : <p class="projector__time">{formatRemaining(left)}</p>)}
      <p class="projector__sides">
        <span class="projector__side projector__side--open">OPEN {state.counts.open}</span>
        <span class="projector__side projector__side--closed">CLOSED {state.counts.closed}</span>
      </p>
    </div>
  );
}

/**
 * The join code and a QR code, small in a corner while the debate runs and large in the lobby. The QR code
 * carries the address phones can use; when the server knows none, it is left out and the corner says why.
 */
export function JoinCorner({ state, large = false, children }: { state: RoomState; large?: boolean; children?: ComponentChildren }) {
  const target = useJoinTarget();
  const link = target && joinLink(target, state.debate.joinCode);
  return (
    <div class={`join-corner${large ? ' join-corner--large' : ''}`}>
      {link ? (
        <QrCode url={link} size={large ? 720 : 240} className="join-corner__qr" />
      ) : (
        <div class="join-corner__qr join-corner__qr--none" role={target ? 'note' : undefined}>
          {target && (large ? "No QR code: phones can't reach this address. The instructor's console says how to fix it." : 'No QR code')}
        </div>
      )}
      {!large && (
        <div class="join-corner__text">
          <span class="join-corner__host">Join at {target?.host ?? '…'}</span>
          <strong class="join-corner__code mono">{state.debate.joinCode}</strong>
          {children}
        </div>
      )}
    </div>
  );
}

/** The connection's state, and a button to fill the screen (hidden once it does). */
export function Tools({ status }: { status: ConnectionStatus }) {
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const changed = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  return (
    <p class="projector__tools">
      <ConnectionBadge status={status} />
      {!full && document.fullscreenEnabled && (
        <button class="projector__fullscreen" type="button" onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
          Full screen
        </button>
      )}
    </p>
  );
}
