import { useState } from 'preact/hooks';
import { newKey } from '../../app/api';

/** A form's values as typed, and the idempotency key of sending them. */
export interface Draft<T> {
  form: T;
  key: string;
  /** Changes some values: changed values are a new attempt, with a new key. */
  edit(patch: Partial<T>): void;
}

/** A form's values from `initial`, with the idempotency key of sending them (renewed by each edit, so a retry of the same values reuses it). */
export function useDraft<T extends object>(initial: T): Draft<T> {
  const [form, setForm] = useState(initial);
  const [key, setKey] = useState(newKey);
  return {
    form,
    key,
    edit(patch) {
      setForm((current) => ({ ...current, ...patch }));
      setKey(newKey());
    },
  };
}
