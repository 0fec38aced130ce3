import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { DebateListItem, TemplateView } from '../contract';
import { errorText } from '../room';
import { Notice } from '../ui/Notice';
import { utcTime } from '../ui/time';
import { blankPlan } from './plans';
import { navigate } from './router';

const statusNames = { draft: 'Draft', lobby: 'Lobby open', running: 'Running', finished: 'Finished' } as const;

export function DebateList() {
  const [debates, setDebates] = useState<DebateListItem[] | null>(null);
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    api.debates().then(setDebates, (e) => setError(errorText(e)));
    api.templates().then(setTemplates, () => setTemplates([]));
  }, []);

  async function create(request: Parameters<typeof api.create>[0]) {
    try {
      const created = await api.create(request);
      navigate(`/instructor/debates/${created.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function duplicate(d: DebateListItem) {
    try {
      const copy = await api.duplicate(d.id);
      navigate(`/instructor/debates/${copy.id}`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  async function remove(d: DebateListItem) {
    try {
      await api.remove(d.id);
      setDebates((all) => (all ?? []).filter((x) => x.id !== d.id));
      setConfirming(null);
      setDone(`Deleted “${d.motion}” (code ${d.joinCode}) and everything in it.`);
    } catch (e) {
      setError(errorText(e));
    }
  }

  const shown = (debates ?? []).filter((d) => d.motion.toLowerCase().includes(query.trim().toLowerCase()) || d.joinCode.includes(query.trim().toUpperCase()));

  return (
    <main class="page">
      <section class="new-debate">
        <h1>Your debates</h1>
        <div class="new-debate__actions">
          {templates.map((t) => (
            <button key={t.id} class="button button--primary" type="button" onClick={() => create({ templateId: t.id })} title={t.description}>
              New from “{t.name}”
            </button>
          ))}
          <button class="button" type="button" onClick={() => create({ plan: blankPlan() })}>
            New from scratch
          </button>
        </div>
      </section>
      {error && <Notice kind="error">{error}</Notice>}
      {done && <Notice kind="success">{done}</Notice>}
      <label class="field field--inline">
        <span>Search</span>
        <input class="input" type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} placeholder="Motion or code" />
      </label>
      {debates === null ? (
        <p class="loading">Loading…</p>
      ) : shown.length === 0 ? (
        <p class="empty">{debates.length === 0 ? 'No debates yet. Start one from the course template.' : 'No debate matches.'}</p>
      ) : (
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Motion</th>
              <th scope="col">Code</th>
              <th scope="col">Status</th>
              <th scope="col">Students</th>
              <th scope="col">Created</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`/instructor/debates/${d.id}`} onClick={(e) => (e.preventDefault(), navigate(`/instructor/debates/${d.id}`))}>
                    {d.motion}
                  </a>
                </td>
                <td class="mono">{d.joinCode}</td>
                <td>
                  <span class={`status status--${d.status}`}>{statusNames[d.status]}</span>
                </td>
                <td>{d.participantCount}</td>
                <td>{utcTime(d.createdAt)}</td>
                <td class="debate-actions">
                  {confirming === d.id ? (
                    <span class="debate-actions__confirm" role="group" aria-label={`Delete “${d.motion}”?`}>
                      <span>
                        {d.participantCount === 0
                          ? 'Delete this debate? No student has joined it. This can\'t be undone.'
                          : `Delete it with the ${d.participantCount === 1 ? 'arguments and results of its 1 student' : `arguments and results of its ${d.participantCount} students`}? This can't be undone.`}
                      </span>
                      <button class="button button--small button--danger" type="button" onClick={() => remove(d)}>
                        Yes, delete
                      </button>
                      <button class="button button--small" type="button" onClick={() => setConfirming(null)}>
                        Cancel
                      </button>
                    </span>
                  ) : (
                    <>
                      {d.status !== 'draft' && (
                        <a class="button button--small" href={`/instructor/debates/${d.id}/review`} onClick={(e) => (e.preventDefault(), navigate(`/instructor/debates/${d.id}/review`))}>
                          Review
                        </a>
                      )}
                      <button class="button button--small" type="button" aria-label={`Duplicate “${d.motion}”`} title="A new debate with this plan and a new join code, for another class" onClick={() => duplicate(d)}>
                        Duplicate
                      </button>
                      <button class="button button--small button--danger" type="button" aria-label={`Delete “${d.motion}”`} onClick={() => (setDone(null), setConfirming(d.id))}>
                        Delete
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
