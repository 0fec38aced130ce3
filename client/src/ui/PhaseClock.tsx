import { formatRemaining, remainingMs } from '../countdown';
import type { RoomState } from '../state';
import { useNow } from '../store';

const phaseNames = { argue: 'Arguing', vote: 'Voting', results: 'Results' } as const;

/** The phase and the time left, small enough for a phone's sticky header. */
export function PhaseClock({ state }: { state: RoomState }) {
  const now = useNow();
  const clock = state.clock;
  const status = state.debate.status;
  const left = status === 'running' ? remainingMs(clock, state.offset, now) : null;
  const phase =
    status === 'running' && clock.phase
      ? clock.paused
        ? 'Paused'
        : phaseNames[clock.phase]
      : status === 'finished'
        ? 'Finished'
        : 'Lobby';
  const urgent = left !== null && left <= 10_000 && !clock.paused;
  return (
    <span class={`phase-clock${urgent ? ' phase-clock--urgent' : ''}`} role="timer" aria-label={`${phase}${left !== null ? `, ${formatRemaining(left)} left` : ''}`}>
      <span class="phase-clock__phase">{phase}</span>
      {left !== null && <span class="phase-clock__time">{formatRemaining(left)}</span>}
    </span>
  );
}
