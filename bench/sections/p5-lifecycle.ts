import { MAX_CANDIDATES_PER_SESSION } from '../../shared/use-cases/limits';
import type { BenchSection, Figure } from '../support/figure';
import { envIntegers, lifecycleRuns, PHASES } from '../support/lifecycle';

/**
 * P5: a whole local lifecycle of a small and a large session (`CERTIFLOW_BENCH_P5_SIZES`, default
 * 20,90), each on a warm runtime: the large one should take no more than its share, i.e. ≤ 90/20 =
 * 4.5× the small one, and the same time per candidate. 90 is the most one session takes
 * (`MAX_CANDIDATES_PER_SESSION`: the freeze's single transaction; at 95 minutes an oral, EXAM-1,
 * a fortnight of orals for one jury), so the large run is one session, not several.
 */
export function lifecycleSection(options: { sizes?: [number, number] } = {}): BenchSection {
  return {
    id: 'P5',
    title: 'Whole local lifecycle, small vs large session (goal: linear, per-candidate time ratio ≤ 1)',
    async measure() {
      const [small, large] = options.sizes ?? (envIntegers('CERTIFLOW_BENCH_P5_SIZES', [20, MAX_CANDIDATES_PER_SESSION]) as [number, number]);
      if (!small || !large || large <= small || large > MAX_CANDIDATES_PER_SESSION) throw new Error(`P5 needs two sizes, small < large ≤ ${MAX_CANDIDATES_PER_SESSION}`);
      const [s, l] = await lifecycleRuns([small, large]);
      const scale = large / small;
      const figures: Figure[] = [
        {
          section: 'P5',
          name: `whole lifecycle, one session of ${large} candidates (creation → diplomas downloaded)`,
          value: l!.ms,
          baseline: s!.ms,
          unit: 'ms',
          baselineName: `the same lifecycle with ${small} candidates`,
          goal: scale,
        },
        {
          section: 'P5',
          name: `time per candidate, ${large} vs ${small} candidates`,
          value: l!.ms / large,
          baseline: s!.ms / small,
          unit: 'ms/candidate',
          baselineName: `per candidate in the ${small}-candidate lifecycle`,
          goal: 1,
        },
      ];
      for (const phase of PHASES) {
        figures.push({
          section: 'P5',
          name: `phase "${phase}", ${large} vs ${small} candidates`,
          value: l!.phases[phase],
          baseline: s!.phases[phase],
          unit: 'ms',
          baselineName: `the same phase with ${small} candidates`,
          goal: scale,
        });
      }
      return figures;
    },
  };
}
