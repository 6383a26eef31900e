import type { ComponentChildren } from 'preact';
import type { Loaded } from '../app/api';
import { Busy, ProblemNotice } from './problem';

/**
 * Renders a read: progress while it first loads, its problem if it failed, else `children(data)`;
 * when reading again failed, the problem above what was read before, which stays on screen.
 */
export function LoadedView<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (loaded.data === undefined) return loaded.problem ? <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} /> : <Busy />;
  return (
    <>
      {loaded.problem && <ProblemNotice problem={loaded.problem} onRetry={loaded.reload} />}
      {children(loaded.data)}
    </>
  );
}
