import { useState } from 'preact/hooks';
import type { MotionChoice, ParticipationView, ReviewView } from '../../contract';

type Column = { key: keyof ParticipationView; label: string; numeric?: boolean };

const columns: Column[] = [
  { key: 'name', label: 'Student' },
  { key: 'status', label: 'Status' },
  { key: 'sides', label: 'Sides' },
  { key: 'arguments', label: 'Arguments', numeric: true },
  { key: 'rebuttals', label: 'Rebuttals', numeric: true },
  { key: 'words', label: 'Words', numeric: true },
  { key: 'ballots', label: 'Ballots', numeric: true },
  { key: 'revisions', label: 'Revisions', numeric: true },
  { key: 'before', label: 'Before' },
  { key: 'after', label: 'After' },
];

const choices: Record<MotionChoice, string> = { for: 'For', against: 'Against', undecided: 'Undecided' };

function sortValue(p: ParticipationView, key: keyof ParticipationView): string | number {
  const value = p[key];
  if (typeof value === 'number') return value;
  if (Array.isArray(value)) return value.join(',');
  return value === null || value === undefined ? '' : String(value);
}

/** What each student did, sortable by any column. */
export function ParticipationTable({ review, onErase }: { review: ReviewView; onErase: (participantId: string) => void }) {
  const [sort, setSort] = useState<{ key: keyof ParticipationView; descending: boolean }>({ key: 'name', descending: false });
  const rows = [...review.participation].sort((a, b) => {
    const [x, y] = [sortValue(a, sort.key), sortValue(b, sort.key)];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sort.descending ? -order : order;
  });

  function by(key: keyof ParticipationView, numeric?: boolean) {
    setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: !!numeric }));
  }

  return (
    <section class="card" aria-label="Participation">
      <h2>Participation</h2>
      {rows.length === 0 ? (
        <p class="empty">No students joined.</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-label="Participation table">
          <table class="table participation">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                    <button type="button" class="sort" onClick={() => by(c.key, c.numeric)}>
                      {c.label}
                      <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  </th>
                ))}
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.participantId} data-participant-id={p.participantId}>
                  <td>{p.name}</td>
                  <td>{p.status}</td>
                  <td>{p.sides.join(', ') || '—'}</td>
                  <td class="num">{p.arguments}</td>
                  <td class="num">{p.rebuttals}</td>
                  <td class="num">{p.words}</td>
                  <td class="num">{p.ballots}</td>
                  <td class="num">{p.revisions}</td>
                  <td>{p.before ? choices[p.before] : '—'}</td>
                  <td>
                    {p.after ? choices[p.after] : '—'}
                    {p.changedMind && <span class="tag">changed</span>}
                  </td>
                  <td>
                    {p.status !== 'erased' && !review.shared && (
                      <button
                        type="button"
                        class="button button--small button--danger"
                        aria-label={`Remove data of ${p.name}`}
                        onClick={() => confirm(`Remove ${p.name}'s data from this debate? Their arguments are withdrawn and their name and ballots erased. This can't be undone.`) && onErase(p.participantId)}
                      >
                        Remove data
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
