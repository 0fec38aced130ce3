// The editor's building blocks: a field that shows its own error, and a phase length typed as minutes and seconds.
import type { ComponentChildren, JSX } from 'preact';
import { Limits } from '../contract';
import { joinDuration, splitDuration } from './plans';

/** What an input needs to be tied to its label and its error. */
export interface FieldProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

export const fieldId = (path: string) => `plan-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;

export function FieldError({ path, error }: { path: string; error?: string }) {
  return error ? (
    <p class="field__error" id={`${fieldId(path)}-error`}>
      {error}
    </p>
  ) : null;
}

/** A labelled field whose error, the client's or the server's, is shown right under it and read with it. */
export function Field({
  path,
  label,
  error,
  hint,
  class: className,
  children,
}: {
  path: string;
  label: ComponentChildren;
  error?: string;
  hint?: ComponentChildren;
  class?: string;
  children: (props: FieldProps) => JSX.Element;
}) {
  const id = fieldId(path);
  return (
    <div class={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined })}
      {hint && <small class="hint">{hint}</small>}
      <FieldError path={path} error={error} />
    </div>
  );
}

/** A phase length: minutes and seconds side by side, kept as seconds. */
export function DurationField({ path, label, name, value, error, onChange }: { path: string; label: string; name: string; value: number; error?: string; onChange: (seconds: number) => void }) {
  const { minutes, seconds } = splitDuration(value);
  const id = fieldId(path);
  const described = error ? `${id}-error` : undefined;
  const text = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <fieldset class={`duration${error ? ' field--invalid' : ''}`} aria-describedby={described}>
      <legend>{label}</legend>
      <span class="duration__inputs">
        <input
          id={id}
          class="input input--time"
          type="number"
          inputMode="numeric"
          min={0}
          max={Limits.maxPhaseSeconds / 60}
          aria-label={`${name} minutes`}
          aria-invalid={Boolean(error)}
          aria-describedby={described}
          value={minutes}
          onInput={(e) => onChange(joinDuration(text(e), String(seconds)))}
        />
        <span aria-hidden="true">min</span>
        <input
          class="input input--time"
          type="number"
          inputMode="numeric"
          min={0}
          max={59}
          aria-label={`${name} seconds`}
          aria-invalid={Boolean(error)}
          aria-describedby={described}
          value={seconds}
          onInput={(e) => onChange(joinDuration(String(minutes), text(e)))}
        />
        <span aria-hidden="true">s</span>
      </span>
      <FieldError path={path} error={error} />
    </fieldset>
  );
}
