import { type Figure, ratioOf } from './support/figure';
import { median } from './support/stats';

function format(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 1) return value.toFixed(2);
  return value.toPrecision(3);
}

/** One figure as a printed row: what, value, baseline, ratio, and whether it meets its goal. */
export function figureRow(figure: Figure): string[] {
  const ratio = ratioOf(figure);
  const verdict = figure.goal === undefined ? '' : ratio <= figure.goal ? `≤ ${figure.goal} ✓` : `> ${figure.goal} ✗`;
  return [figure.name, `${format(figure.value)} ${figure.unit}`, `${format(figure.baseline)} ${figure.unit}`, `${ratio.toFixed(2)}×`, verdict];
}

/** A section's figures as an aligned table, with each distinct baseline named once, and a summary of its ratios. */
export function sectionReport(title: string, figures: readonly Figure[]): string {
  const rows = [['figure', 'value', 'baseline', 'ratio', 'goal'], ...figures.map(figureRow)];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd();
  const baselines = [...new Set(figures.map((figure) => `${figure.unit}: ${figure.baselineName}`))];
  const ratios = figures.map(ratioOf).filter(Number.isFinite);
  const withGoal = figures.filter((figure) => figure.goal !== undefined);
  const met = withGoal.filter((figure) => ratioOf(figure) <= figure.goal!);
  return [
    title,
    ...rows.map(line),
    ...baselines.map((b) => `  baseline (${b})`),
    ratios.length > 0 ? `  ratios: median ${median(ratios).toFixed(2)}×, max ${Math.max(...ratios).toFixed(2)}×${withGoal.length > 0 ? `; goal met by ${met.length} of ${withGoal.length}` : ''}` : '',
  ]
    .filter((text) => text !== '')
    .join('\n');
}
