import type { RoomSession } from '../room';
import type { RoomState } from '../state';
import { joinLink, useJoinTarget } from '../ui/joinAddress';
import { QrCode } from '../ui/QrCode';
import { EntryPanel } from './EntryPanel';
import { JoinWarning } from './JoinWarning';
import { Roster } from './Roster';

export function LobbyPanel({ state, session, onStart }: { state: RoomState; session: RoomSession; onStart: () => void }) {
  const target = useJoinTarget();
  const link = target && joinLink(target, state.debate.joinCode);
  const students = Object.values(state.roster).filter((p) => !p.kicked && !p.left && !p.waiting).length;
  return (
    <section class="lobby-panel">
      <div class="lobby-panel__entry">
        {target && <JoinWarning target={target} />}
      <div class="card join-info">
        <div>
          <p class="join-info__label">Join at</p>
          <p class="join-info__host">{target?.host ?? '…'}</p>
          <p class="join-info__label">with the code</p>
          <p class="join-info__code mono">{state.debate.joinCode}</p>
          {link && (
            <p class="join-info__link">
              or the link <a href={link}>{link}</a>
            </p>
          )}
        </div>
        {link ? <QrCode url={link} size={200} /> : <div class="qr join-info__noqr">{target && 'No QR code until phones can reach the server'}</div>}
      </div>
      <div class="lobby-panel__actions">
        <p>
          <strong>{students}</strong> {students === 1 ? 'student has' : 'students have'} joined.
        </p>
        <button class="button button--primary button--large" type="button" onClick={onStart}>
          Start the debate
        </button>
      </div>
      <EntryPanel state={state} session={session} />
      </div>
      <Roster state={state} session={session} />
    </section>
  );
}
