import { useState } from 'preact/hooks';
import { api } from '../api';
import type { ComparisonView } from '../contract';
import type { RoomState } from '../state';
import { useAction } from '../store';
import { itemLabel, methodNames, short } from '../ui/methods';
import { Notice } from '../ui/Notice';

const choiceNames = { for: 'For', against: 'Against', undecided: 'Undecided' } as const;

/** Every closed round under all three methods side by side, and who changed their mind. Instructor only. */
export function Comparison({ state }: { state: RoomState }) {
  const [view, setView] = useState<ComparisonView | null>(null);
  const { busy, error, run } = useAction();

  async function load() {
    const loaded = await run(() => api.comparison(state.debate.id));
    if (loaded) setView(loaded);
  }

  return (
    <section class="card comparison" aria-label="Compare counting methods">
      <div class="comparison__head">
        <h3>Compare counting methods</h3>
        <button class="button button--small" type="button" onClick={load} disabled={busy}>
          {view ? 'Refresh' : 'Show'}
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {view?.rounds.map((round) => (
        <div key={round.roundIndex} class="comparison__round">
          <h4>
            Round {round.roundIndex + 1}: {round.title}
          </h4>
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
      {view && view.mindChanges.length > 0 && (
        <>
          <h4>Changes of mind on the motion</h4>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {view.mindChanges.map((c) => (
                <tr key={c.participantId} class={c.changed ? 'changed' : ''}>
                  <td>{c.displayName}</td>
                  <td>{c.before ? choiceNames[c.before] : '—'}</td>
                  <td>
                    {c.after ? choiceNames[c.after] : '—'}
                    {c.changed && ' (changed)'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
