import type { ComponentChildren, JSX } from 'preact';
import type { Problem } from '../../app/api';

/** The API's refusal of a form, by field: `{ 'candidate.email': 'une adresse e-mail' }`. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  if (!problem) return {};
  const errors: Record<string, string> = {};
  for (const issue of problem.error.issues ?? []) errors[issue.field] ??= issue.message;
  if (problem.error.field && !errors[problem.error.field]) errors[problem.error.field] = problem.error.message;
  return errors;
}

function errorId(id: string): string {
  return `${id}-error`;
}

/** A field's own refusal, tied to its input by `aria-describedby`. */
function FieldError({ id, error }: { id: string; error: string | undefined }) {
  if (!error) return null;
  return (
    <span class="manager-field-error" id={errorId(id)}>
      {error}
    </span>
  );
}

interface FieldProps {
  id: string;
  label: ComponentChildren;
  value: string;
  onValue(value: string): void;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
}

function described(id: string, error: string | undefined, hint: string | undefined): Record<string, string | boolean> {
  const ids = [hint ? `${id}-hint` : '', error ? errorId(id) : ''].filter(Boolean).join(' ');
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(error ? { 'aria-invalid': true } : {}) };
}

function Hint({ id, hint }: { id: string; hint: string | undefined }) {
  return hint ? (
    <span class="muted manager-field-hint" id={`${id}-hint`}>
      {hint}
    </span>
  ) : null;
}

/** A labelled text input (or date, time, number, e-mail…) with its hint and the API's refusal. */
export function TextField({ type = 'text', ...props }: FieldProps & { type?: 'text' | 'email' | 'date' | 'time' | 'number' | 'datetime-local'; min?: string; max?: string; autoComplete?: string }) {
  const { id, label, value, onValue, error, hint, required, min, max, autoComplete } = props;
  const attributes = {
    id,
    type,
    value,
    required,
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
    ...(autoComplete ? { autoComplete } : {}),
    onInput: (e: Event) => onValue((e.target as HTMLInputElement).value),
    ...described(id, error, hint),
  } as JSX.IntrinsicElements['input'];
  return (
    <div class="manager-field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <input {...attributes} />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A labelled multi-line text. */
export function TextArea(props: FieldProps & { rows?: number }) {
  const { id, label, value, onValue, error, hint, required, rows = 3 } = props;
  return (
    <div class="manager-field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <textarea id={id} rows={rows} value={value} required={required} onInput={(e) => onValue((e.target as HTMLTextAreaElement).value)} {...described(id, error, hint)} />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A labelled choice among options. */
export function SelectField(props: FieldProps & { options: ReadonlyArray<{ value: string; label: string }> }) {
  const { id, label, value, onValue, error, hint, required, options } = props;
  return (
    <div class="manager-field">
      <label for={id}>{label}</label>
      <Hint id={id} hint={hint} />
      <select id={id} value={value} required={required} onChange={(e) => onValue((e.target as HTMLSelectElement).value)} {...described(id, error, hint)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A labelled checkbox, its label beside it. */
export function CheckField({ id, label, checked, onChecked, error }: { id: string; label: ComponentChildren; checked: boolean; onChecked(checked: boolean): void; error?: string | undefined }) {
  return (
    <div class="manager-field-check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked((e.target as HTMLInputElement).checked)} {...described(id, error, undefined)} />
      <label for={id}>{label}</label>
      <FieldError id={id} error={error} />
    </div>
  );
}
