import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api';
import type { DebateDetail } from '../contract';
import { createRoomSession, errorText } from '../room';
import { useAction, useStore } from '../store';
import { ConnectionBadge } from '../ui/ConnectionBadge';
import { Notice } from '../ui/Notice';
import { ResultsPanel } from '../ui/ResultsPanel';
import { Comparison } from './Comparison';
import { LobbyPanel } from './LobbyPanel';
import { ModerationPanel } from './ModerationPanel';
import { PlanEditor, type PlanEditorHandle } from './PlanEditor';
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

  const editor = useRef<PlanEditorHandle>(null);
  const [unsavedAt, setUnsavedAt] = useState<Step | null>(null);
  const control = (method: Step) => run(() => session.connection.invoke(method, id));

  /** Saves the plan first: edits the server hasn't got are never left behind without the instructor saying so. */
  async function step(method: Step, anyway = false) {
    if (!anyway && editor.current && !(await editor.current.flush())) {
      setUnsavedAt(method);
      return;
    }
    setUnsavedAt(null);
    await control(method);
  }

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
      {unsavedAt && <UnsavedEdits step={unsavedAt} problems={editor.current?.problems() ?? 0} onKeepEditing={() => setUnsavedAt(null)} onGoOn={() => step(unsavedAt, true)} />}

      {debateStatus === 'draft' && (
        <>
          <div class="callout">
            <p>When the plan is ready, open the lobby: students can then join with the code.</p>
            <button class="button button--primary" type="button" onClick={() => step('OpenLobby')}>
              Open the lobby
            </button>
          </div>
          <PlanEditor id={id} initial={detail.plan} onSaved={setDetail} handle={editor} />
        </>
      )}
      {debateStatus === 'lobby' && (
        <>
          <LobbyPanel state={state} session={session} onStart={() => step('Start')} />
          <ModerationPanel state={state} session={session} />
          <details class="card">
            <summary>Edit the rounds (until the debate starts)</summary>
            <PlanEditor id={id} initial={detail.plan} onSaved={setDetail} handle={editor} />
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

type Step = 'OpenLobby' | 'Start';

function UnsavedEdits({ step, problems, onKeepEditing, onGoOn }: { step: Step; problems: number; onKeepEditing: () => void; onGoOn: () => void }) {
  const fix = problems === 0 ? '' : `: ${problems === 1 ? '1 field needs' : `${problems} fields need`} fixing first (marked in red)`;
  return (
    <div class="notice notice--warning unsaved-edits" role="alert">
      <p>
        Your latest edits to the plan aren't saved on the server{fix}. They stay in this browser.{' '}
        {step === 'OpenLobby'
          ? 'Opening the lobby now uses the plan as last saved; you can go on editing until the debate starts.'
          : 'Starting now runs the plan as last saved, and after the start it can no longer change.'}
      </p>
      <div class="unsaved-edits__actions">
        <button class="button button--primary" type="button" onClick={onKeepEditing}>
          Keep editing
        </button>
        <button class="button" type="button" onClick={onGoOn}>
          {step === 'OpenLobby' ? 'Open the lobby with the plan as last saved' : 'Start with the plan as last saved'}
        </button>
      </div>
    </div>
  );
}
