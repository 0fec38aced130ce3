import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { DebateListItem, TemplateView } from '../contract';
import { errorText } from '../room';
import { Notice } from '../ui/Notice';
import { blankPlan } from './plans';
import { navigate } from './router';

const statusNames = { draft: 'Draft', lobby: 'Lobby open', running: 'Running', finished: 'Finished' } as const;

export function DebateList() {
  const [debates, setDebates] = useState<DebateListItem[] | null>(null);
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);

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
                <span class="visually-hidden">Review</span>
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
                <td>{new Date(d.createdAt).toLocaleString()}</td>
                <td>
                  {d.status !== 'draft' && (
                    <a href={`/instructor/debates/${d.id}/review`} onClick={(e) => (e.preventDefault(), navigate(`/instructor/debates/${d.id}/review`))}>
                      Review
                    </a>
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
