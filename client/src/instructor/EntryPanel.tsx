import { useEffect, useState } from 'preact/hooks';
import { type HubMethod, Limits } from '../contract';
import { offsetMs } from '../countdown';
import type { RoomSession } from '../room';
import type { RoomState } from '../state';
import { useAction, useNow } from '../store';
import { Notice } from '../ui/Notice';
import { joinsInLastMinute, surgeText } from './joins';


/**
 * Who may come in: lock the room, how many students it takes, whether joiners wait to be let in, and
 * those waiting; with how fast students are joining and whether joins are being slowed.
 */
export function EntryPanel({ state, session }: { state: RoomState; session: RoomSession }) {
  const { error, run: act } = useAction();
  const id = state.debate.id;
  const entry = state.debate.entry;
  const [capacity, setCapacity] = useState(String(entry.capacity));
  useEffect(() => setCapacity(String(entry.capacity)), [entry.capacity]);
  const serverNow = useNow(5000) + offsetMs(state.offset);
  const roster = Object.values(state.roster);
  const waiting = roster.filter((p) => p.waiting).sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  const inRoom = state.counts.open + state.counts.closed + state.counts.unassigned + state.counts.waiting;
  const perMinute = joinsInLastMinute(roster, serverNow);
  const surge = surgeText(state.joins, serverNow);

  const run = (method: HubMethod, ...rest: unknown[]) =>
    act(() => (session.connection.invoke as (m: HubMethod, ...a: unknown[]) => Promise<unknown>)(method, id, ...rest));
  const wanted = Number(capacity);
  const validCapacity = Number.isInteger(wanted) && wanted >= 1 && wanted <= Limits.maxCapacity;

  return (
    <section class="entry card" aria-label="Who can join">
      {error && <Notice kind="error">{error}</Notice>}
      {surge && (
        <p class="notice notice--warning entry__surge" role="status">
          {surge}
        </p>
      )}
      <div class="entry__row">
        <button class="button" type="button" onClick={() => run('SetLocked', !state.debate.locked)}>
          {state.debate.locked ? 'Unlock the room' : 'Lock the room'}
        </button>
        <span class="hint">{state.debate.locked ? 'No one new can join.' : `Students can join with ${state.debate.joinCode}.`}</span>
      </div>
      <div class="entry__row">
        <button class="button" type="button" aria-pressed={entry.approveJoins} onClick={() => run('SetApproveJoins', !entry.approveJoins)}>
          Students wait for me to let them in
        </button>
        <span class="hint">{entry.approveJoins ? 'On: new students wait until you let them in.' : 'Off: students come straight in.'}</span>
      </div>
      <form
        class="entry__row"
        onSubmit={(e) => {
          e.preventDefault();
          if (validCapacity && wanted !== entry.capacity) run('SetCapacity', wanted);
        }}
      >
        <label>
          Room takes{' '}
          <input
            class="entry__capacity"
            type="number"
            min={1}
            max={Limits.maxCapacity}
            value={capacity}
            onInput={(e) => setCapacity((e.target as HTMLInputElement).value)}
            aria-describedby="entry-capacity-help"
          />{' '}
          students
        </label>
        <button class="button button--small" type="submit" disabled={!validCapacity || wanted === entry.capacity}>
          Save
        </button>
        <span class="hint" id="entry-capacity-help">
          {inRoom} of {entry.capacity} places taken · {perMinute} joined in the last minute
        </span>
      </form>
      {waiting.length > 0 && (
        <div class="entry__waiting">
          <h3>
            Waiting to be let in <span class="count">{waiting.length}</span>
          </h3>
          <p class="entry__row">
            <button class="button button--small button--primary" type="button" onClick={() => run('AdmitAll')}>
              Let everyone in
            </button>
            <button
              class="button button--small button--danger"
              type="button"
              onClick={() => confirm(`Turn away all ${waiting.length} waiting? Their names can't join this debate again.`) && run('TurnAwayWaiting')}
            >
              Turn everyone away
            </button>
          </p>
          <ul class="entry__list">
            {waiting.slice(0, 100).map((p) => (
              <li key={p.id} class="entry__student" data-participant-id={p.id}>
                <span class="roster__name">{p.displayName}</span>
                <button class="button button--small" type="button" onClick={() => run('Admit', p.id)}>
                  Let in
                </button>
                <button class="button button--small button--danger" type="button" onClick={() => run('Kick', p.id)}>
                  Turn away
                </button>
              </li>
            ))}
          </ul>
          {waiting.length > 100 && <p class="hint">and {waiting.length - 100} more, who joined later.</p>}
        </div>
      )}
    </section>
  );
}
