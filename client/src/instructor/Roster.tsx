import { useState } from 'preact/hooks';
import { Limits, type ParticipantView, type Side } from '../contract';
import type { RoomSession } from '../room';
import { opposite, type RoomState } from '../state';
import { useAction } from '../store';
import { Notice } from '../ui/Notice';
import { Ask, type AskRequest } from './Ask';

/** Students by side, with the instructor's moderation: move, mute, rename, remove. */
export function Roster({ state, session }: { state: RoomState; session: RoomSession }) {
  const [ask, setAsk] = useState<AskRequest | null>(null);
  const { error, run: act } = useAction();
  const everyone = Object.values(state.roster).sort((a, b) => a.displayName.localeCompare(b.displayName));
  const present = everyone.filter((p) => !p.kicked && !p.left);
  const columns: { title: string; side: Side | null }[] = [
    { title: 'Open', side: 'open' },
    { title: 'Closed', side: 'closed' },
    { title: 'No side yet', side: null },
  ];

  const id = state.debate.id;
  const hub = session.connection;
  const actions = (p: ParticipantView) => (
    <span class="roster__actions">
      {p.side && (
        <button class="button button--small" type="button" onClick={() => act(() => hub.invoke('MoveStudent', id, p.id, opposite(p.side!)))}>
          Move to {opposite(p.side)}
        </button>
      )}
      {!p.side && (
        <>
          <button class="button button--small" type="button" onClick={() => act(() => hub.invoke('MoveStudent', id, p.id, 'open'))}>
            To open
          </button>
          <button class="button button--small" type="button" onClick={() => act(() => hub.invoke('MoveStudent', id, p.id, 'closed'))}>
            To closed
          </button>
        </>
      )}
      <button class="button button--small" type="button" onClick={() => act(() => hub.invoke('SetMuted', id, p.id, !p.muted))}>
        {p.muted ? 'Unmute' : 'Mute'}
      </button>
      <button
        class="button button--small"
        type="button"
        onClick={() =>
          setAsk({
            title: `Rename ${p.displayName}`,
            label: 'New name',
            initial: p.displayName,
            confirm: 'Rename',
            maxLength: Limits.displayName,
            onAnswer: (name) => void act(() => hub.invoke('Rename', id, p.id, name)),
          })
        }
      >
        Rename
      </button>
      <button
        class="button button--small button--danger"
        type="button"
        onClick={() => confirm(`Remove ${p.displayName} from the debate? They won't be able to rejoin under this name.`) && act(() => hub.invoke('Kick', id, p.id))}
      >
        Remove
      </button>
    </span>
  );

  return (
    <section class="roster" aria-label="Students">
      {error && <Notice kind="error">{error}</Notice>}
      <div class="roster__columns">
        {columns.map((c) => {
          const members = present.filter((p) => p.side === c.side);
          if (c.side === null && members.length === 0) return null;
          return (
            <div class={`roster__column roster__column--${c.side ?? 'none'}`} key={c.title}>
              <h3>
                {c.title} <span class="count">{members.length}</span>
              </h3>
              <ul>
                {members.map((p) => (
                  <li key={p.id} class="roster__student" data-participant-id={p.id}>
                    <span role="img" class={`presence presence--${p.connected ? "on" : "off"}`} title={p.connected ? 'Connected' : 'Not connected'} aria-label={p.connected ? 'connected' : 'not connected'} />
                    <span class="roster__name">{p.displayName}</span>
                    {state.debate.settings.anonymous && <span class="roster__pseudonym">({p.pseudonym})</span>}
                    {p.muted && <span class="tag">muted</span>}
                    {actions(p)}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      {everyone.length > present.length && (
        <p class="hint">
          Gone: {everyone.filter((p) => p.kicked || p.left).map((p) => `${p.displayName}${p.kicked ? ' (removed)' : ' (left)'}`).join(', ')}
        </p>
      )}
      <Ask request={ask} onClose={() => setAsk(null)} />
    </section>
  );
}
