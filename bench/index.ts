/**
 * `npm run bench [-- P1 P3 …]`: every figure of the benchmark, each against its baseline, in one
 * run (all sections when none is named). Figures, never assertions: these machines are noisy.
 * A section that starts a local runtime runs it in a worker process of its own (`inWorker`: a
 * runtime's clients are per process); P4, P5 and P7 share the lifecycle runs they have in common.
 */
import { bundlesSection } from './sections/p1-bundles';
import { warmRequestSection } from './sections/p2-warm-request';
import { requestsSection } from './sections/p3-requests';
import { transitionsSection } from './sections/p4-transitions';
import { lifecycleSection } from './sections/p5-lifecycle';
import { intakeSection } from './sections/p6-intake';
import { costSection } from './sections/p7-cost';
import { scaleSection } from './sections/p8-scale';
import { sectionReport } from './report';
import type { BenchSection } from './support/figure';

const SECTIONS: readonly BenchSection[] = [
  bundlesSection({ runs: Number(process.env.CERTIFLOW_BENCH_P1_RUNS ?? 3) }),
  warmRequestSection(),
  requestsSection(),
  transitionsSection(),
  lifecycleSection(),
  intakeSection(),
  costSection(),
  scaleSection(),
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).map((id) => id.toUpperCase());
  const unknown = wanted.filter((id) => !SECTIONS.some((section) => section.id === id));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.id).join(', ')}`);
  console.log(`Certiflow benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}\n`);
  const failed: string[] = [];
  for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.id))) {
    const started = performance.now();
    try {
      const figures = await section.measure();
      console.log(`${sectionReport(`${section.id} ${section.title}`, figures)}\n  (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
    } catch (error) {
      failed.push(section.id);
      console.log(`${section.id} ${section.title}\n  failed: ${(error as Error).message}\n`);
    }
  }
  if (failed.length > 0) throw new Error(`sections without figures: ${failed.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
