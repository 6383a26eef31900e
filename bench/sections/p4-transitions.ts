import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../infra/project-root';
import { SESSION_LIFECYCLE } from '../../shared/wiring/state-machines';
import type { BenchSection, Figure } from '../support/figure';
import { envIntegers, lifecycleRuns } from '../support/lifecycle';

/** The state each candidate's turn goes through: the callback task waiting for their exam and deliberation. */
export const PER_CANDIDATE_STATE = 'WaitForCandidate';

/** The hard quota of a Standard execution's history (events); an execution that reaches it fails. */
export const HISTORY_QUOTA = 25_000;

interface AslState {
  Type: string;
  Next?: string;
  Default?: string;
  Choices?: Array<{ Next: string }>;
}

function successors(state: AslState): string[] {
  return [state.Next, state.Default, ...(state.Choices ?? []).map((choice) => choice.Next)].filter((name): name is string => Boolean(name));
}

/** The fewest states entered from `from` until `arrived` holds, following Next, Choices and Default (never Catch: no failure). */
function shortestPath(states: Record<string, AslState>, from: string, arrived: (name: string, depth: number) => boolean): string[] {
  const queue: string[][] = [[from]];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    const name = path.at(-1)!;
    if (arrived(name, path.length)) return path;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const next of successors(states[name]!)) queue.push([...path, next]);
  }
  throw new Error(`no path from ${from}`);
}

/**
 * The fewest state transitions a session can take, read from the ASL definition: the shortest
 * path from `StartAt` to a Succeed state (a session that calls no candidate), plus the shortest
 * cycle through {@link PER_CANDIDATE_STATE} once per candidate.
 */
export function minimumTransitions(): { fixed: number; perCandidate: number; loop: string[] } {
  const asl = JSON.parse(readFileSync(join(PROJECT_ROOT, SESSION_LIFECYCLE.definitionFile), 'utf8')) as { StartAt: string; States: Record<string, AslState> };
  const run = shortestPath(asl.States, asl.StartAt, (name) => asl.States[name]!.Type === 'Succeed');
  const cycle = shortestPath(asl.States, PER_CANDIDATE_STATE, (name, depth) => depth > 1 && name === PER_CANDIDATE_STATE);
  return { fixed: run.length, perCandidate: cycle.length - 1, loop: cycle.slice(0, -1) };
}

/**
 * P4: state transitions per session against its candidates, from the execution histories of
 * whole lifecycles driven on the local runtime (sizes from `CERTIFLOW_BENCH_P4_SIZES`, default
 * 1,5,20; a 1-candidate run is always added). Transitions are the history events of type
 * `*StateEntered` (what Step Functions Standard bills); all events are counted too, against the
 * 1-candidate session's × n, and extrapolated to 90 candidates against the history quota.
 */
export function transitionsSection(options: { sizes?: number[] } = {}): BenchSection {
  return {
    id: 'P4',
    title: 'State transitions per session vs candidates, from execution histories (goal: the ASL minimum, 3 per candidate)',
    async measure() {
      const sizes = [...new Set([1, ...(options.sizes ?? envIntegers('CERTIFLOW_BENCH_P4_SIZES', [1, 5, 20]))])].sort((a, b) => a - b);
      const runs = await lifecycleRuns(sizes);
      const minimum = minimumTransitions();
      const one = runs[0]!;
      const largest = runs.at(-1)!;
      const loop = minimum.loop.join(' → ');
      const figures: Figure[] = runs.map((run) => ({
        section: 'P4',
        name: `states entered (*StateEntered events), ${run.candidates} candidate${run.candidates > 1 ? 's' : ''}`,
        value: run.statesEntered,
        baseline: minimum.fixed + minimum.perCandidate * run.candidates,
        unit: 'transitions',
        baselineName: `ASL minimum: ${minimum.fixed} per session + ${minimum.perCandidate} per candidate (${loop})`,
        goal: 1,
      }));
      for (const run of runs.slice(1)) {
        figures.push({
          section: 'P4',
          name: `history events (all types), ${run.candidates} candidates`,
          value: run.historyEvents,
          baseline: one.historyEvents * run.candidates,
          unit: 'events',
          baselineName: `the 1-candidate session's ${one.historyEvents} events × ${run.candidates}`,
        });
      }
      if (largest.candidates > 1) {
        const perCandidate = (largest.statesEntered - one.statesEntered) / (largest.candidates - 1);
        figures.push({
          section: 'P4',
          name: `states entered per added candidate (1 → ${largest.candidates})`,
          value: perCandidate,
          baseline: minimum.perCandidate,
          unit: 'transitions/candidate',
          baselineName: `ASL loop: ${loop}`,
          goal: 1,
        });
        const eventsPerCandidate = (largest.historyEvents - one.historyEvents) / (largest.candidates - 1);
        figures.push({
          section: 'P4',
          name: 'history events at 90 candidates (extrapolated from the measured slope)',
          value: one.historyEvents + eventsPerCandidate * 89,
          baseline: HISTORY_QUOTA,
          unit: 'events',
          baselineName: 'Step Functions Standard execution history quota (hard; the execution fails beyond)',
        });
      }
      return figures;
    },
  };
}
