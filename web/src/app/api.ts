import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useState } from 'preact/hooks';
import { CertiflowClient, type ApiErrorBody, type ApiResponse } from '../../../client/certiflow-client';
import type { Person } from '../auth/person';
import { learnServerTime } from './server-clock';

/** What every view knows: the API client (with the person's token and language) and who is signed in. */
export interface Signed {
  client: CertiflowClient;
  person: Person;
}

/** Carries the signed-in client down the tree. */
export const SignedContext = createContext<Signed | undefined>(undefined);

/** The signed-in person's client; views are only rendered once someone is signed in. */
export function useSigned(): Signed {
  const signed = useContext(SignedContext);
  if (!signed) throw new Error('useSigned outside a signed-in view');
  return signed;
}

/** A refusal or failure as the page shows it: the API's code and sentence (in the page's language) and the rules broken. */
export interface Problem {
  status: number;
  error: ApiErrorBody & { violations?: Array<{ ruleId: string; message: string }>; issues?: Array<{ field: string; message: string }>; field?: string };
}

/** A network failure, said as a problem so that nothing fails silently. */
export function networkProblem(error: unknown): Problem {
  return { status: 0, error: { code: 'NetworkError', message: (error as Error).message } };
}

/** The data of a response, or the problem it carries; every response also tells the API's time. */
export function outcome<T>(response: ApiResponse<T>): { data: T } | { problem: Problem } {
  learnServerTime(response.headers);
  if (response.status < 300 && response.data !== undefined) return { data: response.data };
  return { problem: { status: response.status, error: (response.error ?? { code: String(response.status), message: '' }) as Problem['error'] } };
}

/** A read: its data once loaded, the problem if it failed, and a way to load it again. */
export interface Loaded<T> {
  data?: T;
  problem?: Problem;
  loading: boolean;
  reload(): void;
}

/** Whether two dependency lists hold the same values, place by place. */
function sameDeps(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * Loads `read(client)` when the view mounts and whenever `deps` change. A `reload()` that fails
 * keeps what was loaded for the same `deps` beside its problem: a page read again every few
 * seconds (the exam day) stays on screen through a dropped connection or a 429, and says so.
 */
export function useLoad<T>(read: (client: CertiflowClient) => Promise<ApiResponse<T>>, deps: unknown[] = []): Loaded<T> {
  const { client } = useSigned();
  const [state, setState] = useState<{ data?: T; loadedFor?: readonly unknown[]; problem?: Problem; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const loadingFor = [client, ...deps];
    const failed = (problem: Problem) =>
      setState((s) => (sameDeps(s.loadedFor, loadingFor) && s.data !== undefined ? { data: s.data, loadedFor: s.loadedFor, problem, loading: false } : { problem, loading: false }));
    setState((s) => ({ ...s, loading: true }));
    read(client)
      .then((response) => {
        if (!live) return;
        const result = outcome(response);
        if ('data' in result) setState({ data: result.data, loadedFor: loadingFor, loading: false });
        else failed(result.problem);
      })
      .catch((error: unknown) => live && failed(networkProblem(error)));
    return () => {
      live = false;
    };
  }, [client, tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const { loadedFor: _for, ...loaded } = state;
  return { ...loaded, reload };
}

/** An action's state: running (for progress), its last problem, its last success. */
export interface Action<A extends unknown[], T> {
  run(...args: A): Promise<T | undefined>;
  running: boolean;
  problem?: Problem;
  done?: T;
  clear(): void;
}

/** Wraps a write: shows progress while it runs, keeps the refusal to show it, never throws. */
export function useAction<A extends unknown[], T>(write: (client: CertiflowClient, ...args: A) => Promise<ApiResponse<T>>, onDone?: (data: T) => void): Action<A, T> {
  const { client } = useSigned();
  const [state, setState] = useState<{ running: boolean; problem?: Problem; done?: T }>({ running: false });
  const run = async (...args: A): Promise<T | undefined> => {
    setState({ running: true });
    try {
      const result = outcome(await write(client, ...args));
      if ('problem' in result) {
        setState({ running: false, problem: result.problem });
        return undefined;
      }
      setState({ running: false, done: result.data });
      onDone?.(result.data);
      return result.data;
    } catch (error) {
      setState({ running: false, problem: networkProblem(error) });
      return undefined;
    }
  };
  return { ...state, run, clear: () => setState({ running: false }) };
}

/** A fresh idempotency key for one user action (a retry of the same action reuses it). */
export function newKey(): string {
  return crypto.randomUUID();
}
