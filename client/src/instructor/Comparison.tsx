import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import type { ComparisonView, MindChangeView } from '../contract';
import { errorText } from '../errors';
import { currentRound, type RoomState } from '../state';
import { comparisonKey, mindChangeSummary } from './comparison';
import { itemLabel, methodNames, short } from '../ui/methods';
import { Notice } from '../ui/Notice';
import { recountText } from '../ui/recount';

const choiceNames = { for: 'For', against: 'Against', undecided: 'Undecided' } as const;

/** The least time between two loads of the comparison, however fast the events that change it arrive. */
const reloadGap = 2000;

/**
 * Every closed argument and ranking round under all three methods side by side, and who changed their mind. Instructor only. It loads
 * itself again (at most every two seconds) when a round closes, a student is removed, an argument's standing
 * changes after its round closed, or a ballot comes in on the motion; names follow renames at once.
 */
export function Comparison({ state }: { state: RoomState }) {
  const [view, setView] = useState<ComparisonView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = useMemo(() => comparisonKey(state), [state.results, state.roster, state.arguments]);
  const motionTally = currentRound(state)?.kind === 'motionVote' ? state.tally : null;
  const last = useRef(0);
  const latest = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const debateId = state.debate.id;

  useEffect(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(async () => {
      last.current = Date.now();
      const request = ++latest.current;
      try {
        const loaded = await api.comparison(debateId);
        if (request === latest.current) (setView(loaded), setError(null));
      } catch (e) {
        if (request === latest.current) setError(errorText(e));
      }
    }, Math.max(0, last.current + reloadGap - Date.now()));
  }, [debateId, key, motionTally]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const nameOf = (id: string, fallback: string) => state.roster[id]?.displayName ?? fallback;

  return (
    <section class="card comparison" aria-label="Compare counting methods" aria-busy={view === null}>
      <div class="comparison__head">
        <h3>Compare counting methods</h3>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {!view && !error && <p class="hint">Counting…</p>}
      {view?.rounds.map((round) => (
        <div key={round.roundIndex} class="comparison__round">
          <h4>
            Round {round.roundIndex + 1}: {round.title}
          </h4>
          {round.recountNote && <p class="notice recount-note">{recountText(round.recountNote)}</p>}
          <div class="comparison__methods">
            {round.results
              .filter((r) => r.ranking)
              .map((r) => (
                <div key={r.ranking!.method}>
                  <p class="comparison__method">{methodNames[r.ranking!.method]}</p>
                  <ol>
                    {r.ranking!.items.slice(0, 5).map((i) => (
                      <li key={i.itemId}>{short(itemLabel(state, i.itemId, i.label), 50)}</li>
                    ))}
                  </ol>
                  {r.ranking!.note && <p class="hint">{r.ranking!.note}</p>}
                </div>
              ))}
          </div>
        </div>
      ))}
      {view && view.mindChanges.length > 0 && <MindChanges changes={view.mindChanges} nameOf={nameOf} />}
    </section>
  );
}

/** Who changed their mind on the motion: a summary line and only those who changed; everyone's votes a click away. */
function MindChanges({ changes, nameOf }: { changes: MindChangeView[]; nameOf: (id: string, fallback: string) => string }) {
  const changed = changes.filter((c) => c.changed).sort((a, b) => nameOf(a.participantId, a.displayName).localeCompare(nameOf(b.participantId, b.displayName)));
  const voters = changes.filter((c) => c.before !== null || c.after !== null);
  return (
    <div class="mind-changes">
      <h4>Changes of mind on the motion</h4>
      <p class="mind-changes__summary">{mindChangeSummary(changes)}</p>
      {changed.length > 0 && <MindTable rows={changed} nameOf={nameOf} label="Students who changed their mind" />}
      {voters.length > changed.length && (
        <details>
          <summary>Everyone who voted on the motion ({voters.length})</summary>
          <MindTable rows={voters} nameOf={nameOf} label="Everyone who voted on the motion" />
        </details>
      )}
    </div>
  );
}

function MindTable({ rows, nameOf, label }: { rows: MindChangeView[]; nameOf: (id: string, fallback: string) => string; label: string }) {
  return (
    <div class="table-scroll mind-changes__table" tabIndex={0} role="region" aria-label={label}>
      <table class="table">
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.participantId} class={c.changed ? 'changed' : ''}>
              <td>{nameOf(c.participantId, c.displayName)}</td>
              <td>{c.before ? choiceNames[c.before] : '—'}</td>
              <td>
                {c.after ? choiceNames[c.after] : '—'}
                {c.changed && ' (changed)'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
