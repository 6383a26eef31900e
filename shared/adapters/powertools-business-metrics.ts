import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { BUSINESS_METRICS_NAMESPACE, METRICS_SERVICE } from '../observability/business-metrics';
import type { BusinessMetrics } from '../use-cases/operations/ports';

/** Business metrics written as Powertools EMF records to the function's log: namespace `Certiflow`, dimensions `service` and `stage`. */
export class PowertoolsBusinessMetrics implements BusinessMetrics {
  private readonly metrics: Metrics;

  constructor(stage: string) {
    this.metrics = new Metrics({ namespace: BUSINESS_METRICS_NAMESPACE, serviceName: METRICS_SERVICE, defaultDimensions: { stage } });
  }

  publishCounts(counts: Readonly<Record<string, number>>): void {
    for (const [name, value] of Object.entries(counts)) this.metrics.addMetric(name, MetricUnit.Count, value);
    this.metrics.publishStoredMetrics();
  }
}
