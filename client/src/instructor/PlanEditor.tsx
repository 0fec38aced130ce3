import type { Ref } from 'preact';
import { useEffect, useImperativeHandle, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { type DebateDetail, type DebatePlan, Limits, type RoundPlan } from '../contract';
import { errorText } from '../errors';
import { byField, checkPlan, errorsInRound, type FieldErrors, stillStanding } from './planChecks';
import { forgetPlanDraft, keepPlanDraft, planDraft } from './planDraft';
import { FieldError } from './PlanFields';
import { moveItem, newRound, replaceRound } from './plans';
import { ReadingEditor } from './ReadingEditor';
import { kinds, RoundEditor } from './RoundEditor';
import { guardLeaving } from './router';
import { SettingsEditor } from './SettingsEditor';

/** How long typing must pause before an edit is saved. */
const SaveAfterMs = 800;

/** What the page around the editor may ask of it: save now (true when the server has every edit), and how many fields need fixing. */
export interface PlanEditorHandle {
  flush(): Promise<boolean>;
  problems(): number;
}

interface RoundMeta {
  key: number;
  open: boolean;
}

const same = (a: DebatePlan, b: DebatePlan) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Edits the motion, the settings, the pre-reading and the rounds. Every edit is kept in this browser at once and saved
 * to the server when typing pauses, so nothing typed is lost; each problem, found here or by the server, shows at its field.
 */
export function PlanEditor({ id, initial, onSaved, handle }: { id: string; initial: DebatePlan; onSaved: (detail: DebateDetail) => void; handle?: Ref<PlanEditorHandle> }) {
  const [restored, setRestored] = useState(() => {
    const kept = planDraft(id);
    return kept && !same(kept, initial) ? kept : null;
  });
  const [plan, setPlan] = useState(() => restored ?? initial);
  const nextKey = useRef(0);
  const [meta, setMeta] = useState<RoundMeta[]>(() => plan.rounds.map(() => ({ key: nextKey.current++, open: plan.rounds.length <= 2 })));
  const [serverErrors, setServerErrors] = useState<{ sent: DebatePlan; errors: FieldErrors } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [removed, setRemoved] = useState<{ round: RoundPlan; index: number; meta: RoundMeta } | null>(null);
  const accepted = useRef(initial);
  const latest = useRef(plan);
  latest.current = plan;
  const inFlight = useRef<Promise<boolean> | null>(null);

  const clientErrors = useMemo(() => checkPlan(plan), [plan]);
  const errors: FieldErrors = { ...(serverErrors ? stillStanding(serverErrors.errors, serverErrors.sent, plan) : {}), ...clientErrors };
  const problems = Object.keys(errors).length;
  const dirty = !same(plan, accepted.current);

  const openRoundsWithErrors = (found: FieldErrors) => setMeta((m) => m.map((x, i) => (errorsInRound(found, i) > 0 ? { ...x, open: true } : x)));

  async function save(): Promise<boolean> {
    if (inFlight.current) await inFlight.current;
    const current = latest.current;
    if (same(current, accepted.current)) return true;
    const found = checkPlan(current);
    if (Object.keys(found).length > 0) {
      openRoundsWithErrors(found);
      return false;
    }
    const attempt = (async () => {
      setSaving(true);
      try {
        const detail = await api.editPlan(id, current);
        accepted.current = current;
        setServerErrors(null);
        setFailure(null);
        if (same(latest.current, current)) forgetPlanDraft(id);
        onSaved(detail);
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.fields.length > 0) {
          const refused = byField(e.fields);
          setServerErrors({ sent: current, errors: refused });
          setFailure(null);
          openRoundsWithErrors(refused);
        } else setFailure(errorText(e));
        return false;
      } finally {
        setSaving(false);
      }
    })();
    inFlight.current = attempt;
    try {
      return await attempt;
    } finally {
      inFlight.current = null;
    }
  }

  useImperativeHandle(handle ?? null, () => ({ flush: save, problems: () => Object.keys({ ...checkPlan(latest.current), ...(serverErrors?.errors ?? {}) }).length }));

  // Keep every edit in this browser at once; save it when typing pauses.
  useEffect(() => {
    if (!dirty) {
      forgetPlanDraft(id);
      return;
    }
    keepPlanDraft(id, plan);
    const timer = window.setTimeout(() => void save(), SaveAfterMs);
    return () => window.clearTimeout(timer);
  }, [plan]);

  useEffect(() => {
    guardLeaving(() => (same(latest.current, accepted.current) ? null : 'Your latest edits to the plan are not saved on the server yet. They stay in this browser. Leave anyway?'));
    return () => guardLeaving(null);
  }, []);

  const edit = (next: DebatePlan) => {
    setPlan(next);
    setRemoved(null);
  };
  const addRound = (kind: RoundPlan['kind']) => {
    edit({ ...plan, rounds: [...plan.rounds, newRound(kind, plan.rounds.length)] });
    setMeta([...meta, { key: nextKey.current++, open: true }]);
  };
  const moveRound = (index: number, by: number) => {
    edit({ ...plan, rounds: moveItem(plan.rounds, index, by) });
    setMeta(moveItem(meta, index, by));
  };
  const removeRound = (index: number) => {
    setPlan({ ...plan, rounds: plan.rounds.filter((_, i) => i !== index) });
    setMeta(meta.filter((_, i) => i !== index));
    setRemoved({ round: plan.rounds[index], index, meta: meta[index] });
  };
  const undoRemove = () => {
    if (!removed) return;
    const at = Math.min(removed.index, plan.rounds.length);
    setPlan({ ...plan, rounds: [...plan.rounds.slice(0, at), removed.round, ...plan.rounds.slice(at)] });
    setMeta([...meta.slice(0, at), removed.meta, ...meta.slice(at)]);
    setRemoved(null);
  };
  const discardRestored = () => {
    setRestored(null);
    setPlan(initial);
    setMeta(initial.rounds.map(() => ({ key: nextKey.current++, open: initial.rounds.length <= 2 })));
  };
  const allOpen = meta.every((m) => m.open);

  return (
    <section class="editor" aria-label="Debate plan">
      <div class={`save-bar save-bar--${!dirty ? 'saved' : problems > 0 || failure ? 'problem' : 'pending'}`}>
        <p class="save-bar__status" role="status">
          {!dirty
            ? 'All changes saved.'
            : saving
              ? 'Saving…'
              : problems > 0
                ? `Not saved yet: ${problems === 1 ? '1 field needs' : `${problems} fields need`} fixing (marked in red). Your edits are kept in this browser meanwhile.`
                : failure
                  ? `Not saved: ${failure} Your edits are kept in this browser.`
                  : 'Saving your changes…'}
        </p>
        {dirty && (failure || problems > 0) && (
          <button class="button button--small" type="button" disabled={saving} onClick={() => (problems > 0 ? focusFirstProblem(errors, openRoundsWithErrors) : void save())}>
            {problems > 0 ? 'Show the first problem' : 'Try again'}
          </button>
        )}
      </div>
      {restored && (
        <div class="notice notice--info editor__restored" role="status">
          <span>We restored edits to this plan that were made in this browser and not yet saved.</span>
          <button class="button button--small" type="button" onClick={discardRestored}>
            Discard them
          </button>
        </div>
      )}

      <SettingsEditor plan={plan} errors={errors} onChange={edit} />
      <ReadingEditor reading={plan.preReading} errors={errors} onChange={(preReading) => edit({ ...plan, preReading })} />

      <section class="editor__section" aria-labelledby="plan-rounds-heading">
        <div class="editor__rounds-head">
          <h3 id="plan-rounds-heading">
            Rounds <span class="editor__count">({plan.rounds.length})</span>
          </h3>
          <button class="button button--small" type="button" onClick={() => setMeta(meta.map((m) => ({ ...m, open: !allOpen })))}>
            {allOpen ? 'Collapse all' : 'Expand all'}
          </button>
        </div>
        {removed && (
          <div class="notice notice--info editor__removed" role="status">
            <span>
              Removed round {removed.index + 1}, “{removed.round.title}”.
            </span>
            <button class="button button--small" type="button" onClick={undoRemove}>
              Undo
            </button>
          </div>
        )}
        <ol class="rounds-editor">
          {plan.rounds.map((round, i) => (
            <RoundEditor
              key={meta[i]?.key ?? i}
              round={round}
              index={i}
              count={plan.rounds.length}
              open={meta[i]?.open ?? true}
              errors={errors}
              onToggle={() => setMeta(meta.map((m, j) => (j === i ? { ...m, open: !m.open } : m)))}
              onChange={(r) => edit(replaceRound(plan, i, r))}
              onMove={(by) => moveRound(i, by)}
              onRemove={() => removeRound(i)}
            />
          ))}
        </ol>
        <FieldError path="rounds" error={errors.rounds} />
        <div class="editor__add">
          {kinds.map((k) => (
            <button key={k.key} class="button" type="button" disabled={plan.rounds.length >= Limits.maxRounds} onClick={() => addRound(k.key)}>
              Add {k.label.toLowerCase()}
            </button>
          ))}
        </div>
      </section>
    </section>
  );
}

/** Opens the round of the first problem and puts the cursor in its field. */
function focusFirstProblem(errors: FieldErrors, openRounds: (errors: FieldErrors) => void) {
  openRounds(errors);
  window.requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('.editor [aria-invalid="true"]');
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  });
}
