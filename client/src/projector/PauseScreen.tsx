import type { ConnectionStatus } from '../connection';
import { formatRemaining } from '../countdown';
import { currentRound, type RoomState } from '../state';
import { JoinCorner, Tools } from './Bar';

/** A pause fills the screen, so the back row knows at once. */
export function PauseScreen({ state, status }: { state: RoomState; status: ConnectionStatus }) {
  const round = currentRound(state);
  const left = state.clock.remainingMs;
  return (
    <section class="projector__paused">
      <Tools status={status} />
      <p class="projector__pause-mark" aria-hidden="true">
        ❚❚
      </p>
      <p class="projector__pause-title">Paused</p>
      {round && (
        <p class="projector__pause-round">
          Round {round.index + 1} of {state.debate.rounds.length}: {round.title}
        </p>
      )}
      {left !== null && <p class="projector__pause-left">{formatRemaining(left)} left when we carry on</p>}
      <div class="projector__pause-join">
        <JoinCorner state={state} />
      </div>
    </section>
  );
}
