/** One measured figure, set against the baseline it is judged by. */
export interface Figure {
  /** The section it belongs to, e.g. `P1`. */
  section: string;
  /** What was measured, e.g. `CreateSessionApi bundle`. */
  name: string;
  value: number;
  baseline: number;
  /** The unit both are in, e.g. `KiB`, `ms`, `requests`, `EUR`. */
  unit: string;
  /** What the baseline is, e.g. `bare handler importing the same AWS clients`. */
  baselineName: string;
  /** The ratio the section aims for, when it has one (e.g. 1.2). */
  goal?: number;
}

/** A section of `npm run bench`: measures and returns its figures; prints nothing itself. */
export interface BenchSection {
  id: string;
  title: string;
  measure(): Promise<Figure[]>;
}

/** value / baseline, or Infinity when the baseline is zero and the value is not. */
export function ratioOf(figure: Pick<Figure, 'value' | 'baseline'>): number {
  if (figure.baseline === 0) return figure.value === 0 ? 1 : Number.POSITIVE_INFINITY;
  return figure.value / figure.baseline;
}
