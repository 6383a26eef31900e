/** Business metrics: counts published together, as one record (CloudWatch EMF on AWS). */
export interface BusinessMetrics {
  /** Publishes each count under its metric name, at once. */
  publishCounts(counts: Readonly<Record<string, number>>): void;
}
