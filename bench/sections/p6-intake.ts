import type { BenchSection, Figure } from '../support/figure';
import type { IntakeTimes } from '../support/intake';
import { median } from '../support/stats';
import { inWorker } from '../support/worker';

/** P6: the intake of a 30-page PDF, upload posted to version recorded, against pdf-lib's own load of the same bytes. */
export function intakeSection(options: { uploads?: number } = {}): BenchSection {
  return {
    id: 'P6',
    title: "Intake of a 30-page PDF on the local runtime vs pdf-lib's own load of it",
    async measure(): Promise<Figure[]> {
      // In a worker process of its own: a local runtime's clients are per process.
      const times = await inWorker<IntakeTimes>(new URL('../support/intake.ts', import.meta.url).href, 'measureIntake', [options.uploads ?? 20]);
      if (!times.allRecorded) throw new Error('P6: not every upload was recorded as an accepted 30-page version');
      const baseline = median(times.parses);
      const baselineName = `pdf-lib load and page count of the same ${Math.round(times.pdfBytes / 1024)} KiB PDF`;
      return [
        { section: 'P6', name: 'upload posted → version recorded (median)', value: median(times.intake), baseline, unit: 'ms', baselineName },
        { section: 'P6', name: 'duplicate S3 event, recognised, nothing written (median)', value: median(times.duplicates), baseline, unit: 'ms', baselineName },
      ];
    },
  };
}
