import type { ComponentChildren } from 'preact';
import type { Loaded } from '../app/api';
import { Busy, ProblemNotice } from './problem';

/** Renders a read: progress while it loads, its problem if it failed, else `children(data)`. */
export function LoadedView<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.problem) return <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} />;
  if (loaded.data === undefined) return <Busy />;
  return <>{children(loaded.data)}</>;
}
