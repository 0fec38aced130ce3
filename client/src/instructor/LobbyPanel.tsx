import type { RoomSession } from '../room';
import type { RoomState } from '../state';
import { QrCode } from '../ui/QrCode';
import { Roster } from './Roster';

export function LobbyPanel({ state, session, onStart }: { state: RoomState; session: RoomSession; onStart: () => void }) {
  const link = `${location.origin}/j/${state.debate.joinCode}`;
  const students = Object.values(state.roster).filter((p) => !p.kicked && !p.left).length;
  return (
    <section class="lobby-panel">
      <div class="card join-info">
        <div>
          <p class="join-info__label">Join at</p>
          <p class="join-info__host">{location.host}</p>
          <p class="join-info__label">with the code</p>
          <p class="join-info__code mono">{state.debate.joinCode}</p>
          <p class="join-info__link">
            or the link <a href={link}>{link}</a>
          </p>
        </div>
        <QrCode url={link} size={200} />
      </div>
      <div class="lobby-panel__actions">
        <p>
          <strong>{students}</strong> {students === 1 ? 'student has' : 'students have'} joined.
        </p>
        <button
          class="button"
          type="button"
          onClick={() => session.connection.invoke('SetLocked', state.debate.id, !state.locked).catch(() => undefined)}
        >
          {state.locked ? 'Unlock the room' : 'Lock the room'}
        </button>
        <button class="button button--primary button--large" type="button" onClick={onStart}>
          Start the debate
        </button>
      </div>
      <Roster state={state} session={session} />
    </section>
  );
}
