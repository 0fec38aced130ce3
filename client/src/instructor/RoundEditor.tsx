// One round of the plan as a collapsible section: a header with its summary line and tools, and its fields.
import { type OpennessScenario, Limits, type RoundKind, type RoundPlan } from '../contract';
import { type FieldErrors, errorsInRound } from './planChecks';
import { DurationField, Field, FieldError, fieldId } from './PlanFields';
import { formatDuration, newRound } from './plans';

export const scenarios: { key: OpennessScenario; label: string }[] = [
  { key: 'architectureOnly', label: 'Architecture only' },
  { key: 'architectureAndWeights', label: 'Architecture + weights' },
  { key: 'everythingPublished', label: 'Everything published' },
  { key: 'otherCombination', label: 'Another combination' },
  { key: 'closed', label: 'Closed (nothing published)' },
];

export const kinds: { key: RoundKind; label: string }[] = [
  { key: 'argument', label: 'Argument round' },
  { key: 'ranking', label: 'Ranking round' },
  { key: 'motionVote', label: 'Motion vote' },
];

/** The line a collapsed round shows: its kind and timings at a glance. */
export function roundSummary(round: RoundPlan): string {
  const parts = [kinds.find((k) => k.key === round.kind)?.label ?? round.kind];
  if (round.kind === 'ranking') parts.push(`${round.options.length} options`);
  if (round.kind === 'argument') parts.push(`arguing ${formatDuration(round.argueSeconds)}`);
  parts.push(`voting ${formatDuration(round.voteSeconds)}`);
  parts.push(round.resultsSeconds == null ? 'results until you move on' : `results ${formatDuration(round.resultsSeconds)}`);
  const scenario = scenarios.find((s) => s.key === round.scenario);
  if (round.kind === 'argument' && scenario) parts.push(scenario.label);
  return parts.join(' · ');
}

interface Props {
  round: RoundPlan;
  index: number;
  count: number;
  open: boolean;
  errors: FieldErrors;
  onToggle: () => void;
  onChange: (round: RoundPlan) => void;
  onMove: (by: number) => void;
  onRemove: () => void;
}

export function RoundEditor({ round, index, count, open, errors, onToggle, onChange, onMove, onRemove }: Props) {
  const n = index + 1;
  const at = `rounds[${index}]`;
  const problems = errorsInRound(errors, index);
  const bodyId = `${fieldId(at)}-body`;
  return (
    <li class={`card round-editor${problems > 0 ? ' round-editor--invalid' : ''}`}>
      <div class="round-editor__head">
        <button class="round-editor__toggle" type="button" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <span class="round-editor__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span class="round-editor__name">
            <span class="round-editor__title">
              Round {n}: {round.title.trim() || 'Untitled'}
            </span>
            <span class="round-editor__summary">{roundSummary(round)}</span>
          </span>
          {problems > 0 && <span class="round-editor__problems">{problems === 1 ? '1 to fix' : `${problems} to fix`}</span>}
        </button>
        <div class="round-editor__tools">
          <button class="button button--small" type="button" aria-label={`Move round ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            ↑ Up
          </button>
          <button class="button button--small" type="button" aria-label={`Move round ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            ↓ Down
          </button>
          <button class="button button--small button--danger" type="button" aria-label={`Remove round ${n}`} disabled={count === 1} onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      <FieldError path={at} error={errors[at]} />
      {open && (
        <div class="round-editor__fields" id={bodyId}>
          <RoundFields round={round} index={index} errors={errors} onChange={onChange} />
        </div>
      )}
    </li>
  );
}

function RoundFields({ round, index, errors, onChange }: { round: RoundPlan; index: number; errors: FieldErrors; onChange: (round: RoundPlan) => void }) {
  const n = index + 1;
  const at = `rounds[${index}]`;
  const set = (change: Partial<RoundPlan>) => onChange({ ...round, ...change });
  const text = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <>
      <div class="row">
        <Field path={`${at}.title`} label={`Round ${n} title`} error={errors[`${at}.title`]} class="field--grow">
          {(p) => <input {...p} class="input" value={round.title} maxLength={Limits.titleMaxLength} onInput={(e) => set({ title: text(e) })} />}
        </Field>
        <Field path={`${at}.kind`} label={`Round ${n} kind`} error={errors[`${at}.kind`]}>
          {(p) => (
            <select {...p} class="input" value={round.kind} onChange={(e) => onChange({ ...newRound(text(e) as RoundKind, index), title: round.title, prompt: round.prompt })}>
              {kinds.map((k) => (
                <option key={k.key} value={k.key}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field path={`${at}.prompt`} label="Prompt" error={errors[`${at}.prompt`]}>
        {(p) => <textarea {...p} class="input input--area" rows={2} value={round.prompt} maxLength={Limits.promptMaxLength} onInput={(e) => set({ prompt: text(e) })} />}
      </Field>
      {round.kind === 'argument' && (
        <>
          <div class="row">
            <Field path={`${at}.openBrief`} label="The open side argues…" error={errors[`${at}.openBrief`]}>
              {(p) => <textarea {...p} class="input input--area" rows={2} value={round.openBrief ?? ''} maxLength={Limits.briefMaxLength} onInput={(e) => set({ openBrief: text(e) })} />}
            </Field>
            <Field path={`${at}.closedBrief`} label="The closed side argues…" error={errors[`${at}.closedBrief`]}>
              {(p) => <textarea {...p} class="input input--area" rows={2} value={round.closedBrief ?? ''} maxLength={Limits.briefMaxLength} onInput={(e) => set({ closedBrief: text(e) })} />}
            </Field>
          </div>
          <Field path={`${at}.scenario`} label="Openness scenario" error={errors[`${at}.scenario`]} class="field--half">
            {(p) => (
              <select {...p} class="input" value={round.scenario ?? ''} onChange={(e) => set({ scenario: (text(e) || null) as OpennessScenario | null })}>
                <option value="">None</option>
                {scenarios.map((s) => (
                  <option key={s.key} value={s.key}>
                    {s.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {round.kind === 'ranking' && <OptionsEditor round={round} index={index} errors={errors} onChange={(options) => set({ options })} />}
      <div class="durations">
        {round.kind === 'argument' && (
          <DurationField path={`${at}.argueSeconds`} label="Arguing" name="Arguing" value={round.argueSeconds} error={errors[`${at}.argueSeconds`]} onChange={(v) => set({ argueSeconds: v })} />
        )}
        <DurationField path={`${at}.voteSeconds`} label="Voting" name="Voting" value={round.voteSeconds} error={errors[`${at}.voteSeconds`]} onChange={(v) => set({ voteSeconds: v })} />
        <div class="duration-results">
          <label class="check">
            <input type="checkbox" checked={round.resultsSeconds == null} onChange={(e) => set({ resultsSeconds: (e.target as HTMLInputElement).checked ? null : 30 })} />
            Results stay until I move on
          </label>
          {round.resultsSeconds != null && (
            <DurationField path={`${at}.resultsSeconds`} label="Results" name="Results" value={round.resultsSeconds} error={errors[`${at}.resultsSeconds`]} onChange={(v) => set({ resultsSeconds: v })} />
          )}
        </div>
      </div>
    </>
  );
}

function OptionsEditor({ round, index, errors, onChange }: { round: RoundPlan; index: number; errors: FieldErrors; onChange: (options: string[]) => void }) {
  const at = `rounds[${index}].options`;
  return (
    <fieldset class="options" aria-describedby={errors[at] ? `${fieldId(at)}-error` : undefined}>
      <legend>Options to rank</legend>
      <ol class="options__list">
        {round.options.map((o, i) => {
          const path = `${at}[${i}]`;
          return (
            <li class={`option-row${errors[path] ? ' field--invalid' : ''}`} key={i}>
              <span class="option-row__line">
                <input
                  id={fieldId(path)}
                  class="input"
                  aria-label={`Option ${i + 1}`}
                  aria-invalid={Boolean(errors[path])}
                  aria-describedby={errors[path] ? `${fieldId(path)}-error` : undefined}
                  value={o}
                  maxLength={Limits.optionMaxLength}
                  onInput={(e) => onChange(round.options.map((x, j) => (j === i ? (e.target as HTMLInputElement).value : x)))}
                />
                <button
                  class="button button--small button--danger"
                  type="button"
                  aria-label={`Remove option ${i + 1}`}
                  disabled={round.options.length <= Limits.minOptions}
                  onClick={() => onChange(round.options.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </span>
              <FieldError path={path} error={errors[path]} />
            </li>
          );
        })}
      </ol>
      <FieldError path={at} error={errors[at]} />
      <button class="button button--small" type="button" disabled={round.options.length >= Limits.maxOptions} onClick={() => onChange([...round.options, `Option ${round.options.length + 1}`])}>
        Add option
      </button>
    </fieldset>
  );
}
