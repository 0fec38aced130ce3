import type { ClockView } from '../contract';
import { type ClockOffset, formatRemaining, remainingMs } from '../countdown';
import { useNow } from '../store';

const phaseNames = { argue: 'Arguing', vote: 'Voting', results: 'Results' } as const;

export function Countdown({ clock, offset, large = false }: { clock: ClockView; offset: ClockOffset; large?: boolean }) {
  const now = useNow();
  const left = remainingMs(clock, offset, now);
  if (clock.status !== 'running' || !clock.phase) return null;
  const urgent = left !== null && left <= 10_000 && !clock.paused;
  return (
    <div class={`countdown${large ? ' countdown--large' : ''}${urgent ? ' countdown--urgent' : ''}`} role="timer" aria-label="Time left">
      <span class="countdown__phase">{clock.paused ? 'Paused' : phaseNames[clock.phase]}</span>
      {left === null ? <span class="countdown__note">until the instructor moves on</span> : <span class="countdown__time">{formatRemaining(left)}</span>}
    </div>
  );
}
