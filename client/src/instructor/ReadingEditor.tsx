// The pre-reading students see in the lobby: a title and a link each, checked like the server checks them.
import { Limits, type PreReading } from '../contract';
import type { FieldErrors } from './planChecks';
import { Field, FieldError } from './PlanFields';

export function ReadingEditor({ reading, errors, onChange }: { reading: PreReading[]; errors: FieldErrors; onChange: (reading: PreReading[]) => void }) {
  const set = (index: number, change: Partial<PreReading>) => onChange(reading.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const text = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <section class="card editor__section" aria-labelledby="plan-reading-heading">
      <h3 id="plan-reading-heading">Pre-reading</h3>
      <p class="hint">Students see these links in the lobby, before the debate starts.</p>
      {reading.length > 0 && (
        <ol class="reading-editor">
          {reading.map((r, i) => (
            <li class="reading-editor__row" key={i}>
              <Field path={`preReading[${i}].title`} label={`Reading ${i + 1} title`} error={errors[`preReading[${i}].title`]} class="field--grow">
                {(p) => <input {...p} class="input" value={r.title} maxLength={Limits.titleMaxLength} onInput={(e) => set(i, { title: text(e) })} />}
              </Field>
              <Field path={`preReading[${i}].url`} label={`Reading ${i + 1} link`} error={errors[`preReading[${i}].url`]} class="field--grow">
                {(p) => <input {...p} class="input" type="url" inputMode="url" placeholder="https://…" value={r.url} onInput={(e) => set(i, { url: text(e) })} />}
              </Field>
              <button class="button button--small button--danger reading-editor__remove" type="button" aria-label={`Remove reading ${i + 1}`} onClick={() => onChange(reading.filter((_, j) => j !== i))}>
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <FieldError path="preReading" error={errors.preReading} />
      <button class="button button--small" type="button" disabled={reading.length >= Limits.preReadingMaxItems} onClick={() => onChange([...reading, { title: '', url: '' }])}>
        Add a reading
      </button>
    </section>
  );
}
