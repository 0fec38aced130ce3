import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import type { DebateDetail } from '../contract';
import { createRoomSession, errorText } from '../room';
import { useAction, useStore } from '../store';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Notice } from '../ui/Notice';
import { ResultsPanel } from '../ui/ResultsPanel';
import { Comparison } from './Comparison';
import { LobbyPanel } from './LobbyPanel';
import { PlanEditor } from './PlanEditor';
import { navigate } from './router';
import { RunPanel } from './RunPanel';

export function DebatePage({ id }: { id: string }) {
  const session = useMemo(createRoomSession, [id]);
  const state = useStore(session.state);
  const status = useStore(session.status);
  const bindError = useStore(session.bindError);
  const [detail, setDetail] = useState<DebateDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const { error: actionError, run } = useAction();
  const error = actionError ?? loadError;

  useEffect(() => {
    api.debate(id).then(setDetail, (e) => setLoadError(errorText(e)));
    void session.connection.bind({ kind: 'instructor', debateId: id });
  }, [id]);

  const control = (method: 'OpenLobby' | 'Start') => run(() => session.connection.invoke(method, id));

  if (bindError) return <main class="page"><Notice kind="error">{bindError.message}</Notice></main>;
  if (!state || !detail) return <main class="page">{error ? <Notice kind="error">{error}</Notice> : <p class="loading">Loading…</p>}</main>;

  const debateStatus = state.debate.status;
  const projectorUrl = `/projector/${state.debate.joinCode}`;
  return (
    <main class="page page--wide">
      <header class="debate-header">
        <div>
          <p class="debate-header__status">
            <span class={`status status--${debateStatus}`}>{debateStatus}</span> · code <span class="mono">{state.debate.joinCode}</span>
          </p>
          <h1 class="motion motion--console">{state.debate.motion}</h1>
        </div>
        <div class="debate-header__tools">
          <ConnectionBadge status={status} />
          {debateStatus !== 'draft' && (
            <a class="button" href={projectorUrl} target="_blank" rel="noopener">
              Open projector view
            </a>
          )}
          {debateStatus !== 'draft' && (
            <a class="button" href={`/instructor/debates/${id}/review`} onClick={(e) => (e.preventDefault(), navigate(`/instructor/debates/${id}/review`))}>
              Review &amp; export
            </a>
          )}
        </div>
      </header>
      {error && <Notice kind="error">{error}</Notice>}

      {debateStatus === 'draft' && (
        <>
          <div class="callout">
            <p>When the plan is ready, open the lobby: students can then join with the code.</p>
            <button class="button button--primary" type="button" onClick={() => control('OpenLobby')}>
              Open the lobby
            </button>
          </div>
          <PlanEditor id={id} initial={detail.plan} onSaved={setDetail} />
        </>
      )}
      {debateStatus === 'lobby' && (
        <>
          <LobbyPanel state={state} session={session} onStart={() => control('Start')} />
          <details class="card">
            <summary>Edit the rounds (until the debate starts)</summary>
            <PlanEditor id={id} initial={detail.plan} onSaved={setDetail} />
          </details>
        </>
      )}
      {debateStatus === 'running' && <RunPanel state={state} session={session} />}
      {debateStatus === 'finished' && (
        <section>
          <h2>The debate has finished</h2>
          <Comparison state={state} />
          {Object.values(state.results)
            .sort((a, b) => a.roundIndex - b.roundIndex)
            .map((r) => (
              <details class="card" key={r.roundIndex} open={r.roundIndex === state.debate.rounds.length - 1}>
                <summary>
                  Round {r.roundIndex + 1}: {state.debate.rounds[r.roundIndex]?.title}
                </summary>
                <ResultsPanel state={state} result={r} />
              </details>
            ))}
        </section>
      )}
    </main>
  );
}
