/**
 * `npm run bench [-- P1 P3 …]`: every figure of the benchmark, each against its baseline, in one
 * run (all sections when none is named). Figures, never assertions: these machines are noisy.
 * Each section runs in its own Node process (a local runtime's clients are per process), which
 * hands its figures back as JSON.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundlesSection } from './sections/p1-bundles';
import { warmRequestSection } from './sections/p2-warm-request';
import { requestsSection } from './sections/p3-requests';
import { transitionsSection } from './sections/p4-transitions';
import { lifecycleSection } from './sections/p5-lifecycle';
import { intakeSection } from './sections/p6-intake';
import { costSection } from './sections/p7-cost';
import { scaleSection } from './sections/p8-scale';
import { sectionReport } from './report';
import type { BenchSection, Figure } from './support/figure';

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

const CHILD_SECTION = 'CERTIFLOW_BENCH_SECTION';
const FIGURES_MARK = 'certiflow-bench-figures:';

/** Runs one section in a child process; its output goes to this one's, its figures come back. */
function measureApart(section: BenchSection): Promise<Figure[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], { env: { ...process.env, [CHILD_SECTION]: section.id }, stdio: ['ignore', 'pipe', 'inherit'] });
    let figures: Figure[] | undefined;
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith(FIGURES_MARK)) figures = JSON.parse(line.slice(FIGURES_MARK.length)) as Figure[];
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && figures ? resolve(figures) : reject(new Error(`${section.id} ended with exit code ${code} before its figures`))));
  });
}

async function main(): Promise<void> {
  const child = process.env[CHILD_SECTION];
  if (child) {
    const figures = await SECTIONS.find((section) => section.id === child)!.measure();
    console.log(`${FIGURES_MARK}${JSON.stringify(figures)}`);
    return;
  }
  const wanted = process.argv.slice(2).map((id) => id.toUpperCase());
  const unknown = wanted.filter((id) => !SECTIONS.some((section) => section.id === id));
  if (unknown.length > 0) throw new Error(`unknown section(s) ${unknown.join(', ')}; sections: ${SECTIONS.map((s) => s.id).join(', ')}`);
  console.log(`Certiflow benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${process.platform}/${process.arch}\n`);
  const failed: string[] = [];
  for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.id))) {
    const started = performance.now();
    try {
      const figures = await measureApart(section);
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
